"""Writes two platform-export CSV files of N invoices each that differ in 1% of the invoices:
0.4% only on the left, 0.3% only on the right, 0.3% with another total. Rows are shuffled
(exports are not sorted by key)."""
import random
import sys

n, left_path, right_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rng = random.Random(42)
header = "发票代码,发票号码,数电发票号码,销方识别号,销方名称,购方识别号,购买方名称,开票日期,金额,税额,价税合计,发票票种,发票状态,是否正数发票\n"
seller, buyer = "914403001922038216", "91330100799655058B"


def row(i, cents):
    amount = cents
    tax = cents * 6 // 100
    total = amount + tax
    return (f",,24112{i:015d},{seller},华为技术有限公司,{buyer},阿里巴巴（中国）有限公司,"
            f"2024-11-{1 + i % 28:02d},{amount // 100}.{amount % 100:02d},{tax // 100}.{tax % 100:02d},"
            f"{total // 100}.{total % 100:02d},数电票（普通发票）,正常,是\n")


order = list(range(n))
rng.shuffle(order)
only_left = max(1, n * 4 // 1000)
only_right = max(1, n * 3 // 1000)
changed = max(1, n * 3 // 1000)
with open(left_path, "w", encoding="utf-8", newline="") as left, open(right_path, "w", encoding="utf-8", newline="") as right:
    left.write(header)
    right.write(header)
    for pos, i in enumerate(order):
        cents = 100000 + (i * 7919) % 900000
        if pos < only_left:
            left.write(row(i, cents))
        elif pos < only_left + only_right:
            right.write(row(i, cents))
        elif pos < only_left + only_right + changed:
            left.write(row(i, cents))
            right.write(row(i, cents + 100))
        else:
            left.write(row(i, cents))
            right.write(row(i, cents))
print(f"{only_left} only left, {only_right} only right, {changed} changed")
