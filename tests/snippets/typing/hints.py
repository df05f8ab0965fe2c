# typing.get_type_hints, ForwardRef, Annotated, ClassVar/Final, no_type_check, and
# the helper functions (cast, assert_type, assert_never, reveal_type, overloads).
import contextlib
import io
import sys
import typing
from typing import (Annotated, ClassVar, Final, ForwardRef, List, Optional,
                    get_type_hints, overload, get_overloads, clear_overloads)


class Node:
    value: int
    next: 'Optional[Node]'
    tags: ClassVar[List[str]] = []
    limit: Final = 3
    meta: Annotated[int, 'positive', 42]


def f(a: 'int', b: List['Node'] = None, *args: str, c: None = None) -> 'Node':
    pass


print(get_type_hints(Node))
print(get_type_hints(Node, include_extras=True)['meta'])
print(get_type_hints(f))
print(get_type_hints(len), get_type_hints(sys))


class Child(Node):
    extra: 'List[int]'


print(list(get_type_hints(Child)))

r = ForwardRef('List[int]')
print(r, ForwardRef('x', module='m'), r == ForwardRef('List[int]'), hash(r) == hash(ForwardRef('List[int]')))
print(r._evaluate(vars(typing), None, frozenset()), r.__forward_evaluated__)
A = Annotated[List[int], 'x']
print(A, A.__metadata__, A.__origin__, Annotated[A, 'y'], typing.get_args(A))
print(typing.get_origin(A) is Annotated, A == Annotated[List[int], 'x'], A[()] if False else '')
print(Annotated[List[typing.T], 1][int])
print(ClassVar[int], Final[int], typing.TypeGuard[int], typing.Required[int], typing.NotRequired[str])

for thunk in (lambda: ForwardRef(1), lambda: ForwardRef('1 +'), lambda: get_type_hints(1),
              lambda: Annotated[int], lambda: Annotated(), lambda: get_type_hints(lambda x: 0)):
    try:
        print(thunk())
    except (TypeError, SyntaxError) as e:
        print(type(e).__name__ + ':', e)


@typing.no_type_check
class Skipped:
    x: 'undefined name'

    def m(self, y: 'also undefined'): pass


print(get_type_hints(Skipped), get_type_hints(Skipped.m), Skipped.m.__no_type_check__)

print(typing.cast(int, 'text'), typing.cast('List[int]', 5), typing.assert_type(3, int))
try:
    typing.assert_never(42)
except AssertionError as e:
    print('AssertionError:', e)
try:
    typing.assert_never('x' * 200)
except AssertionError as e:
    print('AssertionError:', len(str(e)), str(e)[-8:])
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print(typing.reveal_type([1]))
print(repr(err.getvalue()))


@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x


print(len(get_overloads(g)), [o.__annotations__ for o in get_overloads(g)])
try:
    get_overloads(g)[0](1)
except NotImplementedError as e:
    print('NotImplementedError:', e)
clear_overloads()
print(get_overloads(g))


@typing.final
class Leaf:
    @typing.final
    def done(self): pass


print(Leaf.__final__, Leaf.done.__final__)


@typing.dataclass_transform(kw_only_default=True, frozen_default=False)
def model(cls):
    return cls


print(model.__dataclass_transform__)
print(typing.TYPE_CHECKING, typing.Text, typing.get_origin(int), typing.get_args(int))
