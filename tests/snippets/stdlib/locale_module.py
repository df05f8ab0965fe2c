# _locale (Modules/_localemodule.c) and the locale module built on it.
import _locale
import locale

print(sorted(k for k in dir(_locale) if not k.startswith('__')))
print(_locale.LC_CTYPE, _locale.LC_ALL, _locale.CHAR_MAX, _locale.CODESET, _locale._DATE_FMT)
print(_locale.Error, _locale.Error.__mro__)
print(_locale.setlocale.__text_signature__, _locale.setlocale.__doc__)

# The C locale for LC_NUMERIC and friends; LC_CTYPE as start-up left it.
print(_locale.setlocale(_locale.LC_NUMERIC))
print(_locale.setlocale(_locale.LC_NUMERIC, 'C'))
print(sorted(_locale.localeconv().items()))
for key in ('CODESET', 'DAY_1', 'ABMON_12', 'RADIXCHAR', 'THOUSEP', 'D_T_FMT',
            'YESEXPR', 'NOEXPR', 'ERA', 'T_FMT_AMPM', 'ALT_DIGITS'):
    print(key, repr(_locale.nl_langinfo(getattr(_locale, key))))
# Only the sign of wcscoll's result is specified (glibc's magnitude depends on the
# string implementation it picks, even within one process).
def sign(r):
    return (r > 0) - (r < 0)
print(sign(_locale.strcoll('a', 'b')), sign(_locale.strcoll('b', 'a')), _locale.strcoll('x', 'x'))
print(repr(_locale.strxfrm('hello')), repr(_locale.strxfrm('')))
print(_locale.gettext('hello'), _locale.dgettext(None, 'msg'), _locale.dcgettext(None, 'm', _locale.LC_MESSAGES))
print(_locale.textdomain(None))

def check(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

check(_locale.setlocale, _locale.LC_ALL, 'no_such_locale')
check(_locale.setlocale, 'x')
check(_locale.setlocale, 0, 5)
check(_locale.setlocale, 0, 'a\0b')
check(_locale.setlocale, 12345)
check(_locale.nl_langinfo, 12345)
check(_locale.nl_langinfo, 'x')
check(_locale.strcoll, 1, 'a')
check(_locale.strcoll, 'a', 2)
check(_locale.strcoll, 'a\0', 'b')
check(_locale.strxfrm, 'a\0b')
check(_locale.strxfrm, b'x')
check(_locale.bindtextdomain, '', None)
check(_locale.gettext, None)
check(_locale.localeconv, 1)

# The locale module from the host library.
print(locale.getlocale(locale.LC_NUMERIC), locale.getencoding())
print(locale.format_string('%d', 1234567, grouping=True), locale.str(1.5), locale.atof('2.5'))
print(locale.normalize('en_US'), locale.currency(1.5, symbol=False) if locale.localeconv()['frac_digits'] != 127 else 'no currency')
