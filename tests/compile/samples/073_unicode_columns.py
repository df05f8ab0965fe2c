café = "naïve"
résumé = café + "é" * 3; x = résumé
print(café, résumé, "日本", x)
if café == "naïve": y = [c for c in "ñandú"]
données = {"clé": "valeur", "ключ": café}
