try:
    f()
except* ValueError:
    pass
except* (TypeError, KeyError) as eg:
    print(eg)

try:
    g()
except* OSError as e:
    raise
else:
    ok()
finally:
    done()
