# _stat: file type tests, S_IMODE/S_IFMT, filemode and the constants.
import _stat

consts = {k: v for k, v in vars(_stat).items() if isinstance(v, int)}
print(consts)
modes = [0, 0o040755, 0o100644, 0o120777, 0o020620, 0o060660, 0o010644, 0o140755,
         0o104755, 0o102755, 0o041777, 0o041776, 0o106644, 0o170777, 0o7777, True, 2**32 - 1]
for m in modes:
    print(oct(m), _stat.filemode(m), _stat.S_IMODE(m), _stat.S_IFMT(m),
          [f for f in ['S_ISDIR', 'S_ISCHR', 'S_ISBLK', 'S_ISREG', 'S_ISFIFO', 'S_ISLNK',
                       'S_ISSOCK', 'S_ISDOOR', 'S_ISPORT', 'S_ISWHT'] if getattr(_stat, f)(m)])
for t in ["_stat.S_ISDIR(-1)", "_stat.S_ISDIR(2**40)", "_stat.S_ISDIR(1.5)", "_stat.S_ISDIR('a')",
          "_stat.filemode(-1)", "_stat.S_IMODE(2**32)", "_stat.S_ISDIR()", "_stat.S_ISWHT(-1)",
          "_stat.S_IFMT(None)"]:
    try:
        print(t, repr(eval(t)))
    except Exception as e:
        print(t, type(e).__name__, e)
print(_stat.S_ISDIR.__doc__, _stat.filemode.__doc__, _stat.__doc__.splitlines()[:3])
