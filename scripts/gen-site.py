#!/usr/bin/env python3
"""Writes a synthetic site root with N certificates (and a few decisions) for benchmarks.

Usage: scripts/gen-site.py N ROOT
"""
import os
import random
import sys

SURNAMES = ["Məmmədov", "Əliyeva", "Hüseynov", "Quliyeva", "Həsənov", "İsmayılova", "Babayev", "Çələbiyeva", "Şirinov", "Ağayeva"]
GIVEN = ["Günay", "Rəşad", "Şəbnəm", "Tural", "Çingiz", "Ülvi", "Gülnar", "Orxan", "Səbinə", "İlkin"]
PROFESSIONS = [("Mühasib", "Accountant"), ("Qaynaqçı", "Welder"), ("Aşpaz", "Cook"), ("Elektrik montajçısı", "Electrical installer")]


def main():
    n, root = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(42)
    os.makedirs(os.path.join(root, "data"), exist_ok=True)
    with open(os.path.join(root, "data", "site.toml"), "w", encoding="utf-8") as f:
        f.write(
            'base_url = "https://sertifikat.example.az"\ntitle = "Benchmark"\nlanguages = ["az", "en"]\n'
            '[issuer]\nname = "Peşə Sertifikatlaşdırma Mərkəzi MMC"\nname_en = "Professional Certification Centre LLC"\n'
        )
    with open(os.path.join(root, "data", "certificates.csv"), "w", encoding="utf-8") as f:
        f.write("number,surname,given_name,patronymic,profession,profession_en,scope,issued_on,valid_until,id_card,phone,email\n")
        for i in range(n):
            year = 2022 + i % 5
            p, pen = PROFESSIONS[i % len(PROFESSIONS)]
            f.write(
                f"PSM-{year}-{i:07d},{rnd.choice(SURNAMES)},{rnd.choice(GIVEN)},{rnd.choice(GIVEN)} oğlu,{p},{pen},"
                f"Sahə 1;Sahə 2,{year}-{1 + i % 12:02d}-{1 + i % 28:02d},{year + 3}-{1 + i % 12:02d}-{1 + i % 28:02d},"
                f"AZE{i:08d},+994 50 {i:07d},p{i}@example.invalid\n"
            )
    with open(os.path.join(root, "data", "decisions.csv"), "w", encoding="utf-8") as f:
        f.write("id,certificate,action,decided_on,grounds,reason\n")
        for i in range(0, n, 1000):
            year = 2022 + i % 5
            f.write(f"D-{i},PSM-{year}-{i:07d},suspend,{year + 1}-06-01,out-of-scope,Əsaslandırma.\n")


if __name__ == "__main__":
    main()
