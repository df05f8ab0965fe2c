# Methods on real-world non-ASCII text: CJK, emoji sequences, combining marks, RTL scripts.
texts = ['日本語のテキスト、漢字とかな', '中文 文本 测试', '한국어 텍스트', '👩‍👩‍👧‍👦 family 🇫🇷 flag 👍🏽',
         'e\u0301te\u0301', 'Ελληνικά ΚΕΊΜΕΝΟ', 'Кириллица ТЕКСТ', 'עברית טקסט', 'العربية نص', 'हिन्दी पाठ',
         'ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ', 'Ⅰ Ⅱ Ⅲ ⅳ', '①②③', 'ｆｕｌｌ　ｗｉｄｔｈ', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢']
for t in texts:
    print(ascii(t), len(t), ascii(t.upper()), ascii(t.lower()), ascii(t.title()), ascii(t.casefold()))
    print(' ', ascii(t.split()), ascii(t[::-1][:5]), ascii(t.center(30, '·')), t.isalpha(), t.isprintable())
    print(' ', ascii(t.encode('utf-8')[:12]), len(t.encode('utf-16')), ascii(t.encode('ascii', 'backslashreplace')[:30]))
    print(' ', t.find('文'), t.count(' '), ascii(t.replace(' ', '_')), ascii(t.partition(' ')), ascii(sorted(set(t))[:4]))
print(ascii('ǅungla'.title()), ascii('ǆ'.capitalize()), ascii('ﬃ'.upper()), ascii('ﬃ'.title()), ascii('ß'.title()))
print(ascii('İ'.lower()), len('İ'.lower()), ascii('I'.lower()), ascii('ı'.upper()), ascii('i̇'.upper()))
print(ascii('ΌΣΟΣ'.lower()), ascii('ΌΣΟΣ Σ'.lower()), ascii('ΑΣ\u0301Β'.lower()))
print('\u00c5' == '\u212b', '\u212b'.lower() == '\u00e5', 'ﬁ'.casefold(), 'ß'.casefold() == 'ss', 'ΣΑΣ'.casefold())
