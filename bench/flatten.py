"""Flattens fapiao JSON Lines into two CSV files (invoice rows, line rows): the input of the
sqlite3 .import baseline in bench/ingest.sh. Streams; memory stays flat."""
import csv
import json
import sys

src, invoices_csv, lines_csv = sys.argv[1:4]
with open(src, encoding="utf-8") as f, \
        open(invoices_csv, "w", newline="", encoding="utf-8") as fi, \
        open(lines_csv, "w", newline="", encoding="utf-8") as fl:
    wi, wl = csv.writer(fi), csv.writer(fl)
    wi.writerow(["number", "code", "type", "issue_date", "seller_tax_id", "seller_name", "buyer_tax_id", "buyer_name",
                 "amount", "tax", "total", "check_code", "remarks", "red_letter_of"])
    wl.writerow(["number", "code", "line_no", "name", "spec", "unit", "quantity", "unit_price", "amount", "tax_rate", "tax"])
    for row in f:
        inv = json.loads(row)
        seller, buyer = inv.get("seller") or {}, inv.get("buyer") or {}
        wi.writerow([inv["number"], inv.get("code", ""), inv["type"], inv["issueDate"], seller.get("taxId", ""), seller.get("name", ""),
                     buyer.get("taxId", ""), buyer.get("name", ""), inv.get("amount", ""), inv.get("tax", ""), inv.get("total", ""),
                     inv.get("checkCode", ""), inv.get("remarks", ""), inv.get("redLetterOf", "")])
        for i, line in enumerate(inv.get("lines") or []):
            wl.writerow([inv["number"], inv.get("code", ""), i, line.get("name", ""), line.get("spec", ""), line.get("unit", ""),
                         line.get("quantity", ""), line.get("unitPrice", ""), line["amount"], line["taxRate"], line["tax"]])
