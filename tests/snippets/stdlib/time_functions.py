# time: clocks, sleep, gmtime/localtime/mktime, asctime/ctime, strftime/strptime,
# struct_time, the zone values, get_clock_info and CPython's errors.
import time
# pthread_getcpuclockid is left out of pyrs (see timemodule.rs).
print([n for n in dir(time) if not n.startswith('__') and n != 'pthread_getcpuclockid'])
print(time.timezone, time.altzone, time.daylight, time.tzname, time._STRUCT_TM_ITEMS)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
t0 = time.time(); m0 = time.monotonic(); p0 = time.perf_counter(); time.sleep(0.01)
print(0.005 < time.time() - t0 < 1, 0.005 < time.monotonic() - m0 < 1, 0.005 < time.perf_counter() - p0 < 1)
print(type(time.time_ns()), type(time.monotonic_ns()), type(time.process_time()), type(time.thread_time_ns()))
for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    print(time.get_clock_info(name))
for secs in [0, 1, -1.5, 1.99, 1e9, 2**31, -2**31, 951782400, 1234567890.5]:
    g = time.gmtime(secs); l = time.localtime(secs)
    print(g, g.tm_zone, g.tm_gmtoff, l == g, time.asctime(g), time.ctime(secs), time.mktime(l), time.mktime(g))
    print(time.strftime('%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %w %y %Z %z %%', g), time.strftime('%c|%x|%X|%p|%I', g))
print(time.asctime((2020, 0, 0, 0, 0, 0, 0, 0, 0)), time.strftime('%Y', (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime(''), time.strftime('%'), time.strftime('%c', (-5, 1, 1, 0, 0, 0, 0, 1, 0)), time.asctime((12345, 1, 1, 0, 0, 0, 0, 1, 0)))
st = time.struct_time((2001, 2, 3, 4, 5, 6, 0, 34, 0))
print(st, st.tm_year, st[0], st[-1], len(st), st.tm_zone, st.tm_gmtoff, time.mktime(st), time.asctime(st))
print(time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9, 'Z', 3)).tm_zone)
T = ['time.mktime((1,2))', 'time.mktime(5)', 'time.mktime((2020,1,1,0,0,0,0,1,0,0))', 'time.mktime(tuple([10**10]*9))',
     'time.mktime(("a",)*9)', 'time.asctime((2020,13,1,0,0,0,0,1,0))', 'time.asctime((2020,1,32,0,0,0,0,1,0))',
     'time.strftime("%Y", (2020,1,1,25,0,0,0,1,0))', 'time.strftime("%Y", (2020,1,1,0,60,0,0,1,0))', 'time.strftime("%Y", (2020,1,1,0,0,62,0,1,0))',
     'time.strftime("%Y", (2020,1,1,0,0,0,-2,1,0))', 'time.strftime("%Y", (2020,1,1,0,0,0,0,367,0))', 'time.strftime(5)',
     'time.strftime("%Y %j %a", (2020,1,1,0,0,0,0,1,0,0))', 'time.sleep(-1)', 'time.sleep("a")', 'time.sleep(float("nan"))',
     'time.gmtime(float("nan"))', 'time.gmtime(1e20)', 'time.gmtime(10**30)', 'time.gmtime("a")', 'time.get_clock_info("x")',
     'time.struct_time((1,2,3))', 'time.clock_gettime(999)', 'time.asctime((2020,1,1,0,0,0,0,1,0)[:8])', 'time.sleep()', 'time.gmtime(1, 2)',
     'time.mktime((2020, 1, 1.5, 0, 0, 0, 0, 1, 0))', 'time.strftime("%Y", (2020,1,1,0,0,0,0,1,-5))', 'time.strftime("%Y", (2020,1,1,0,0,0,7,1,0))']
for t in T:
    try: print(t, '->', repr(eval(t)))
    except Exception as e: print(t, '!!', type(e).__name__, e)
print(time.clock_gettime(time.CLOCK_REALTIME) > 1e9, time.clock_getres(time.CLOCK_MONOTONIC), type(time.clock_gettime_ns(time.CLOCK_MONOTONIC)))
print(time.strptime('2020-01-02 03:04:05', '%Y-%m-%d %H:%M:%S'), time.strptime('Jan 5 2021', '%b %d %Y').tm_yday)
for t in ['time.strftime()', 'time.strftime("x", 1, 2)', 'time.asctime(1, 2)', 'time.ctime(1, 2)', 'time.localtime(1, 2)',
          'time.clock_settime(999, 5)', 'time.clock_settime(time.CLOCK_REALTIME, "x")', 'time.clock_settime_ns(999, 5)',
          'time.strptime("2020", "%d")']:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
