# A traceback through code compiled from the ast tree of this very file: the
# nodes' positions give the lines and the carets.
import ast


def divide(a, b):
    return a / b


def outer():
    return divide(1, 0) + 1


if __name__ == '__main__':
    tree = ast.parse(open(__file__).read())
    ns = {'__name__': 'compiled'}
    exec(compile(tree, __file__, 'exec'), ns)
    print(ns['outer'].__code__.co_firstlineno, ns['divide'].__code__.co_positions().__next__())
    ns['outer']()
