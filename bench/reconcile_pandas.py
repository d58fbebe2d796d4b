"""The outside baseline: pandas merge(indicator=True) on the same two CSV files, comparing the
same fields as fapiao reconcile; prints the class counts."""
import sys

import pandas as pd

cols = ["发票代码", "数电发票号码", "发票号码", "开票日期", "销方识别号", "购方识别号", "金额", "税额", "价税合计", "发票状态"]


def load(path):
    df = pd.read_csv(path, dtype=str, usecols=cols, keep_default_na=False)
    df["key"] = df["发票代码"].where(df["发票代码"] == "", df["发票代码"] + "-") + df["数电发票号码"].where(df["数电发票号码"] != "", df["发票号码"])
    for money in ["金额", "税额", "价税合计"]:
        df[money] = pd.to_numeric(df[money])
    return df.drop(columns=["发票代码", "数电发票号码", "发票号码"])


left, right = load(sys.argv[1]), load(sys.argv[2])
dup_left = left["key"].duplicated(keep=False).sum()
dup_right = right["key"].duplicated(keep=False).sum()
merged = left.merge(right, on="key", how="outer", indicator=True, suffixes=("_l", "_r"))
both = merged[merged["_merge"] == "both"]
differs = pd.Series(False, index=both.index)
for c in ["开票日期", "销方识别号", "购方识别号", "金额", "税额", "价税合计", "发票状态"]:
    differs |= both[c + "_l"] != both[c + "_r"]
print(f"matched {(~differs).sum()} mismatched {differs.sum()} missingInLedger {(merged['_merge'] == 'right_only').sum()} "
      f"missingInOther {(merged['_merge'] == 'left_only').sum()} duplicateRows {dup_left + dup_right}")
