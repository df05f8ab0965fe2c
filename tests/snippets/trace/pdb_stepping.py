# pdb driven by a command list: step into a call, next over lines, print locals,
# the --Return-- line with the value (pdb keeps it in the frame's f_locals), where.
import io
import pdb
import sys

def add(a, b):
    c = a + b
    return c

def main():
    x = add(1, 2)
    y = [i for i in range(2)]
    print(x, y)

cmds = io.StringIO("s\nn\ns\nn\np c\nn\nn\np x\np a, b\nc\n")
p = pdb.Pdb(stdin=cmds, stdout=sys.stdout)
p.run('main()')
print(sys.gettrace())
