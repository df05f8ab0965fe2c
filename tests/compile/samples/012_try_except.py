try:
    a()
except ValueError:
    b()
except (TypeError, KeyError) as e:
    print(e)
except Exception:
    raise
else:
    c()
try:
    x = 1
except:
    pass
