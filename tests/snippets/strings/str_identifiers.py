# isidentifier and keyword-like names across scripts.
for s in ['a', '_', '__init__', 'a1', '1a', '', 'a b', 'a-b', 'ñ', 'λ', '名前', 'ℌ', '℘', '℮', '·', 'a·', 'x\u0300',
          '\u0300x', 'ᢅ', '゛', 'a゛', '𝔘', '\U0001f600', 'a\u200c', 'a\u200d', '٣', 'a٣', 'None', 'class', 'Ⅻ', 'x²', '²']:
    print(ascii(s), s.isidentifier())
