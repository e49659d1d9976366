# Sourced by scripts/bench --publish, after the builds: times `certsite publish` of the last
# round's site ($root) to a local S3 server (examples/s3-server.rs: s3s-fs, the S3 protocol over
# a folder) and over SSH (a real sshd on loopback, started here), against `rsync -a --delete` of
# the same output over the same SSH. Each run is timed by run() (wall, CPU, peak memory); the S3
# server counts the requests it answers, written to $logs/<kind>-1.requests.
#
#   publish-s3-first   the first publish: everything (files a second)
#   publish-s3-noop    nothing changed since: a handful of requests
#   publish-s3-rows    after 10 changed rows (and the rebuild)
#   rsync-noop         rsync -a --delete over ssh of the output to a mirror of it, nothing changed
#   rsync-rows         the same after the 10 rows
#   publish-ssh-first  certsite's first publish over ssh: everything
#   publish-ssh-rows   certsite publish over ssh after the 10 rows

for tool in sshd:openssh-server rsync:rsync; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1 && [[ ! -x /usr/sbin/${tool%%:*} ]]; then
    echo "scripts/bench --publish needs ${tool#*:}: apt-get install ${tool#*:}" >&2
    exit 1
  fi
done
pub=$work/publish
rm -rf "$pub"
mkdir -p "$pub/s3" "$pub/ssh"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The S3 server, with fixed credentials for this run.
s3_port=$(free_port)
export AWS_ACCESS_KEY_ID=certsite-test-key AWS_SECRET_ACCESS_KEY=certsite-test-secret AWS_REGION=us-east-1
"$repo/target/release/examples/s3-server" --root "$pub/s3" --port "$s3_port" --bucket register \
  --counts "$pub/s3-counts" >"$logs/s3-server.log" 2>&1 &
s3_pid=$!

# sshd on loopback with a throw-away host key and client key.
ssh-keygen -q -t ed25519 -N '' -f "$pub/ssh/host_key"
ssh-keygen -q -t ed25519 -N '' -f "$pub/ssh/client_key"
cp "$pub/ssh/client_key.pub" "$pub/ssh/authorized_keys"
ssh_port=$(free_port)
[[ $(id -u) == 0 ]] && mkdir -p /run/sshd
cat >"$pub/ssh/sshd_config" <<EOF
Port $ssh_port
ListenAddress 127.0.0.1
HostKey $pub/ssh/host_key
AuthorizedKeysFile $pub/ssh/authorized_keys
PidFile $pub/ssh/sshd.pid
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
EOF
echo "[127.0.0.1]:$ssh_port $(cat "$pub/ssh/host_key.pub")" >"$pub/ssh/known_hosts"
/usr/sbin/sshd -D -e -f "$pub/ssh/sshd_config" 2>"$logs/sshd.log" &
sshd_pid=$!
trap 'kill $s3_pid $sshd_pid 2>/dev/null || true; '"$(trap -p EXIT | sed "s/^trap -- '//; s/' EXIT\$//")" EXIT
ssh_cmd="ssh -F /dev/null -o UserKnownHostsFile=$pub/ssh/known_hosts -o StrictHostKeyChecking=yes -o BatchMode=yes -p $ssh_port -i $pub/ssh/client_key"
export CERTSITE_SSH="ssh -F /dev/null -o UserKnownHostsFile=$pub/ssh/known_hosts -o StrictHostKeyChecking=yes"
for _ in $(seq 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$ssh_port") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$s3_port") 2>/dev/null; then break; fi
  sleep 0.1
done

cat >>"$root/data/site.toml" <<EOF

[publish.bucket]
bucket = "register"
endpoint = "http://127.0.0.1:$s3_port"
max_deletions = 100000

[publish.web]
ssh = "127.0.0.1:$pub/www"
port = $ssh_port
user = "$(id -un)"
identity_file = "$pub/ssh/client_key"
max_deletions = 100000
EOF

counts() { cat "$pub/s3-counts" 2>/dev/null || true; } # "METHOD count" lines, since the server started
publish() { # publish KIND TARGET: a timed certsite publish, fatal if it fails; the S3 requests it
  # made (the server's counts after it less those before) go to $logs/KIND-1.requests
  local before
  before=$(counts)
  run "$1" 1 "$bin" publish --root "$root" --target "$2" || { cat "$logs/$1-1.log"; exit 1; }
  sleep 0.2
  { echo "$before" | sed 's/^/- /'; counts; } | awk '
    $1 == "-" { was[$2] = $3; next } NF == 2 { d = $2 - was[$1]; if (d) { total += d; list = list sep $1 " " d; sep = ", " } }
    END { printf "%d%s\n", total, (list == "" ? "" : " (" list ")") }' >"$logs/$1-1.requests"
}
# Room: an S3 copy and an ssh copy need about as much disk as the output each. Without room for
# the S3 one its runs are skipped; without room for the ssh one, its mirror is made of hard
# links to the output (`cp -al`: the same bytes, sizes and times), and the first publish over
# ssh only makes certsite's record (rsync finds each file there: publish-ssh-seeded).
out_kib=$(du -sk "$root/public" | cut -f1)
room() { (($(df -Pk "$work" | awk 'NR == 2 { print $4 }') > out_kib * 13 / 10)); }
s3=0
if room; then
  s3=1
  publish publish-s3-first bucket
  publish publish-s3-noop bucket
else
  echo "no room for an S3 copy of the output ($((out_kib / 1024)) MiB): the S3 runs are skipped"
fi
if room; then
  publish publish-ssh-first web
else
  cp -al "$root/public" "$pub/www"
  publish publish-ssh-seeded web
fi
run rsync-noop 1 rsync -a --delete -e "$ssh_cmd" "$root/public/" "127.0.0.1:$pub/www/"
edit_rows publish
"$bin" build --root "$root" --build-date 2026-11-23 --quiet >"$logs/build-publish.log" 2>&1 || { cat "$logs/build-publish.log"; exit 1; }
((s3)) && publish publish-s3-rows bucket
# rsync first, to a copy (hard links) of the mirror certsite's publish brought up to date (its
# folders take room: skipped without it).
if room; then
  cp -al "$pub/www" "$pub/www-rsync"
  run rsync-rows 1 rsync -a --delete -e "$ssh_cmd" "$root/public/" "127.0.0.1:$pub/www-rsync/"
fi
publish publish-ssh-rows web
kill $s3_pid $sshd_pid 2>/dev/null || true
