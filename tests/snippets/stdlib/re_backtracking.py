# Long subjects and many backtracking points: the engine keeps its own stack, so
# nothing here may overflow the native stack.
import re

n = 100000
print(re.match(r'(a)*', 'a' * n).span(), re.match(r'(?:a|b)*c', 'ab' * (n // 2) + 'c').span())
print(re.match(r'(?:(a)|b)*?c', 'ab' * 20000 + 'c').group(1))
print(re.fullmatch(r'(x+x+)+y', 'x' * 12), re.search(r'(\w+\s?)*$', 'word ' * 2000).span())
print(len(re.findall(r'(a|b)+?', 'ab' * 20000)), re.sub(r'(a)(?=a)', r'\1-', 'a' * 10))
print(re.match(r'(?:a{1,3}){2,5}?b', 'aaaaaab'), re.match('(' * 50 + 'a' + ')' * 50, 'a').lastindex)
p = re.compile(r'(?P<w>\w+)(?:,(?P=w))*')
print(p.match('ab,ab,ab,ab,cd').group(), re.match(r'(?>(?:a|ab)+)c', 'ababc'))
print(re.match(r'((a)|(b))*', 'ab' * 1000).groups(), re.match(r'(a|b)*?$', 'ab' * 5000).span())
