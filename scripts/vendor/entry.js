// What /scan/ needs of CBOR-LD: decoding only (assets/scan.js reads the paper QR's bytes).
import {decode} from '@digitalbazaar/cborld';

globalThis.CborLd = {decode};
