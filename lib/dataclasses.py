"""Generate special methods for classes whose fields are PEP 526 annotations.

pyrs's dataclasses (CPython 3.11's Lib/dataclasses.py), written for pyrs.

How a class becomes a dataclass (`_process_class`):

1. The fields are collected: first those of every dataclass base, walking the MRO
   from `object` towards the class so that nearer bases win, then the class's own
   `__annotations__` in order. Each annotation becomes a `Field`; its kind is a
   plain field, a ClassVar (not a field at all for the generated methods) or an
   InitVar (an `__init__` parameter passed on to `__post_init__`). A `KW_ONLY`
   pseudo-annotation makes the annotations after it keyword-only.
2. The methods are generated as source text and compiled with `exec`, one function
   at a time, each inside a `__create_fn__` wrapper whose parameters carry the
   values the body needs (field types, defaults, `object`). The text layout is the
   one CPython uses, so tracebacks through a generated method name the same
   `<string>` lines.
3. A method the class already defines is never replaced (except `__hash__`, which
   follows the table in `_hash_action`); with `slots=True` a new class is built with
   `__slots__`.
"""

import re
import sys
import copy
import types
import inspect
import keyword
import functools
import abc
import _thread
from types import FunctionType, GenericAlias


__all__ = ['dataclass',
           'field',
           'Field',
           'FrozenInstanceError',
           'InitVar',
           'KW_ONLY',
           'MISSING',

           # Helper functions.
           'fields',
           'asdict',
           'astuple',
           'make_dataclass',
           'replace',
           'is_dataclass',
           ]


class FrozenInstanceError(AttributeError): pass


# The default value of an `__init__` parameter whose field has a default_factory:
# the generated body calls the factory when it sees this marker. Its repr is what
# inspect.signature shows for such a parameter.
class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'
_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


# "No value given": None is a valid default, so a sentinel of its own is needed.
class _MISSING_TYPE:
    pass
MISSING = _MISSING_TYPE()


# The annotation that marks the following fields keyword-only.
class _KW_ONLY_TYPE:
    pass
KW_ONLY = _KW_ONLY_TYPE()


# Shared by every Field created without metadata.
_EMPTY_METADATA = types.MappingProxyType({})


# The three kinds of annotated name; Field._field_type holds one of them.
class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name
_FIELD = _FIELD_BASE('_FIELD')
_FIELD_CLASSVAR = _FIELD_BASE('_FIELD_CLASSVAR')
_FIELD_INITVAR = _FIELD_BASE('_FIELD_INITVAR')

# The class attributes a dataclass carries: its fields (name -> Field, ClassVars and
# InitVars included) and the parameters dataclass() was called with.
_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'

# Called by the generated __init__ when the class defines it.
_POST_INIT_NAME = '__post_init__'

# A string annotation's leading name, with an optional module prefix:
# "ClassVar[int]" gives (None, 'ClassVar'), "typing.ClassVar" ('typing', 'ClassVar').
_MODULE_IDENTIFIER_RE = re.compile(r'^(?:\s*(\w+)\s*\.)?\s*(\w+)')


def _recursive_repr(user_function):
    """Make a __repr__ return '...' when it is re-entered for the same object
    on the same thread (a dataclass that contains itself)."""
    running = set()

    @functools.wraps(user_function)
    def wrapper(self):
        key = id(self), _thread.get_ident()
        if key in running:
            return '...'
        running.add(key)
        try:
            return user_function(self)
        finally:
            running.discard(key)
    return wrapper


class InitVar:
    """The annotation InitVar[T]: an __init__ parameter that is not a field."""
    __slots__ = ('type', )

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            # typing objects, e.g. List[int], have no useful __name__.
            type_name = repr(self.type)
        return f'dataclasses.InitVar[{type_name}]'

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """One field of a dataclass, as made by field() or from a plain default.

    name and type are filled in when the class is processed; so is _field_type,
    which says whether the name is a real field, a ClassVar or an InitVar.
    """
    __slots__ = ('name',
                 'type',
                 'default',
                 'default_factory',
                 'repr',
                 'hash',
                 'init',
                 'compare',
                 'metadata',
                 'kw_only',
                 '_field_type',  # Private: not to be used by user code.
                 )

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        if metadata is None:
            self.metadata = _EMPTY_METADATA
        else:
            self.metadata = types.MappingProxyType(metadata)
        self.kw_only = kw_only
        self._field_type = None

    @_recursive_repr
    def __repr__(self):
        return (f'Field(name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type})')

    # The Field object stands in the class body in place of its default, so the
    # class creation calls this __set_name__ and not the default's: pass it on
    # (PEP 487), as if the default had been assigned directly.
    def __set_name__(self, owner, name):
        set_name = getattr(type(self.default), '__set_name__', None)
        if set_name:
            set_name(self.default, owner, name)

    __class_getitem__ = classmethod(GenericAlias)


class _DataclassParams:
    """The arguments of dataclass(), kept as cls.__dataclass_params__."""
    __slots__ = ('init',
                 'repr',
                 'eq',
                 'order',
                 'unsafe_hash',
                 'frozen',
                 )

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return (f'_DataclassParams(init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe one dataclass field beyond its annotation.

    default is the field's default value; default_factory, a callable taking
    no arguments, makes a fresh default for every instance (give at most one
    of the two). init, repr and compare say whether the field takes part in
    __init__(), repr() and the comparison methods; hash says whether it takes
    part in hash() (None: the same as compare). metadata, a mapping, is kept
    read-only and not otherwise used. kw_only makes the field a keyword-only
    __init__() parameter.
    """
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


# ---------------------------------------------------------------------------
# Generating the methods
# ---------------------------------------------------------------------------

def _tuple_str(obj_name, fields):
    """Source text of a tuple of obj_name's fields: '(self.x,self.y,)'."""
    if not fields:
        return '()'
    items = ''.join(f'{obj_name}.{f.name},' for f in fields)
    return f'({items})'


def _create_fn(name, args, body, *, globals=None, locals=None,
               return_type=MISSING):
    """Compile the function `name(args)` with the given body lines.

    The function is defined inside `__create_fn__`, whose parameters are the
    names in `locals`, so the body reaches those values as closure variables;
    `globals` (the class's module namespace) is the function's globals.
    """
    if locals is None:
        locals = {}
    annotation = ''
    if return_type is not MISSING:
        locals['_return_type'] = return_type
        annotation = '->_return_type'
    params = ','.join(args)
    body_text = '\n'.join(f'  {line}' for line in body)
    outer_params = ', '.join(locals)
    source = (f'def __create_fn__({outer_params}):\n'
              f' def {name}({params}){annotation}:\n'
              f'{body_text}\n'
              f' return {name}')
    namespace = {}
    exec(source, globals, namespace)
    return namespace['__create_fn__'](**locals)


def _field_assign(frozen, name, value, self_name):
    """The statement storing value in field name. A frozen class's own
    __setattr__ refuses, so its __init__ goes through object's."""
    if frozen:
        return (f'__dataclass_builtins_object__.__setattr__('
                f'{self_name},{name!r},{value})')
    return f'{self_name}.{name}={value}'


def _field_init(f, frozen, locals, self_name, slots):
    """The __init__ statement for field f, or None when it needs none.

    A default value or factory is stored in `locals` as `_dflt_<name>`.
    """
    default_name = f'_dflt_{f.name}'
    if f.default_factory is not MISSING:
        locals[default_name] = f.default_factory
        if f.init:
            # The parameter's default is the _HAS_DEFAULT_FACTORY marker.
            value = (f'{default_name}() '
                     f'if {f.name} is _HAS_DEFAULT_FACTORY '
                     f'else {f.name}')
        else:
            # Not a parameter: the factory always runs.
            value = f'{default_name}()'
    elif f.init:
        if f.default is not MISSING:
            locals[default_name] = f.default
        value = f.name
    elif slots and f.default is not MISSING:
        # With __slots__ the default is not a class attribute any more (the slot
        # descriptor took its place), so __init__ must set it.
        locals[default_name] = f.default
        value = default_name
    else:
        # init=False without a factory: the class attribute, if any, serves.
        return None

    # An InitVar is only a parameter; __post_init__ receives it.
    if f._field_type is _FIELD_INITVAR:
        return None
    return _field_assign(frozen, f.name, value, self_name)


def _init_param(f):
    """One __init__ parameter: 'x:_type_x', with '=_dflt_x' or
    '=_HAS_DEFAULT_FACTORY' when it has a default."""
    if f.default is not MISSING:
        default = f'=_dflt_{f.name}'
    elif f.default_factory is not MISSING:
        default = '=_HAS_DEFAULT_FACTORY'
    else:
        default = ''
    return f'{f.name}:_type_{f.name}{default}'


def _init_fn(fields, std_fields, kw_only_fields, frozen, has_post_init,
             self_name, globals, slots):
    # Keyword-only parameters may come in any order; positional ones may not
    # put one without a default after one with.
    seen_default = False
    for f in std_fields:
        if not f.init:
            continue
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default:
            raise TypeError(f'non-default argument {f.name!r} '
                            'follows default argument')

    locals = {f'_type_{f.name}': f.type for f in fields}
    locals['MISSING'] = MISSING
    locals['_HAS_DEFAULT_FACTORY'] = _HAS_DEFAULT_FACTORY
    locals['__dataclass_builtins_object__'] = object

    body = []
    for f in fields:
        line = _field_init(f, frozen, locals, self_name, slots)
        if line:
            body.append(line)

    if has_post_init:
        initvars = ','.join(f.name for f in fields
                            if f._field_type is _FIELD_INITVAR)
        body.append(f'{self_name}.{_POST_INIT_NAME}({initvars})')

    if not body:
        body = ['pass']

    params = [self_name] + [_init_param(f) for f in std_fields]
    if kw_only_fields:
        params.append('*')
        params.extend(_init_param(f) for f in kw_only_fields)
    return _create_fn('__init__', params, body,
                      locals=locals, globals=globals, return_type=None)


def _repr_fn(fields, globals):
    parts = ', '.join(f'{f.name}={{self.{f.name}!r}}' for f in fields)
    fn = _create_fn('__repr__', ('self',),
                    [f'return self.__class__.__qualname__ + f"({parts})"'],
                    globals=globals)
    return _recursive_repr(fn)


def _frozen_get_del_attr(cls, fields, globals):
    """__setattr__ and __delattr__ refusing any change to a field, and any
    change at all on an instance of cls itself (a subclass's own attributes
    stay writable)."""
    locals = {'cls': cls,
              'FrozenInstanceError': FrozenInstanceError}
    names = _tuple_str_of_names(fields)
    setattr_fn = _create_fn(
        '__setattr__', ('self', 'name', 'value'),
        (f'if type(self) is cls or name in {names}:',
         ' raise FrozenInstanceError(f"cannot assign to field {name!r}")',
         'super(cls, self).__setattr__(name, value)'),
        locals=locals, globals=globals)
    delattr_fn = _create_fn(
        '__delattr__', ('self', 'name'),
        (f'if type(self) is cls or name in {names}:',
         ' raise FrozenInstanceError(f"cannot delete field {name!r}")',
         'super(cls, self).__delattr__(name)'),
        locals=locals, globals=globals)
    return setattr_fn, delattr_fn


def _tuple_str_of_names(fields):
    """Source text of the tuple of the fields' names: "('x','y',)"."""
    if not fields:
        return '()'
    items = ''.join(f'{f.name!r},' for f in fields)
    return f'({items})'


def _cmp_fn(name, op, self_tuple, other_tuple, globals):
    # Only instances of exactly the same class compare: a subclass may have
    # added fields, so comparing its tuple with the base's would mislead.
    return _create_fn(name, ('self', 'other'),
                      ['if other.__class__ is self.__class__:',
                       f' return {self_tuple}{op}{other_tuple}',
                       'return NotImplemented'],
                      globals=globals)


def _hash_fn(fields, globals):
    return _create_fn('__hash__', ('self',),
                      [f'return hash({_tuple_str("self", fields)})'],
                      globals=globals)


# ---------------------------------------------------------------------------
# Recognising ClassVar, InitVar and KW_ONLY annotations
# ---------------------------------------------------------------------------

def _is_classvar(a_type, typing):
    # ClassVar itself, or ClassVar[...]. typing is passed in rather than
    # imported: dataclasses does not import typing, and a module that uses
    # typing.ClassVar has imported it already.
    return (a_type is typing.ClassVar
            or (type(a_type) is typing._GenericAlias
                and a_type.__origin__ is typing.ClassVar))


def _is_initvar(a_type, dataclasses):
    # InitVar itself, or InitVar[...] (an InitVar instance).
    return (a_type is dataclasses.InitVar
            or type(a_type) is dataclasses.InitVar)


def _is_kw_only(a_type, dataclasses):
    return a_type is dataclasses.KW_ONLY


def _is_type(annotation, cls, a_module, a_type, is_type_predicate):
    """Whether the string annotation names a_type (from module a_module),
    without evaluating it.

    Only the leading name is looked at, with at most one module prefix:
    "ClassVar[int]" is looked up as ClassVar in cls's module, and
    "typing.ClassVar[int]" counts when cls's module binds the name typing to
    the typing module. Other spellings ("from typing import ClassVar as CV"
    then "CV", or a deeper dotted path) are not recognised.
    """
    match = _MODULE_IDENTIFIER_RE.match(annotation)
    if not match:
        return False
    module_name, name = match.groups()
    ns = None
    if not module_name:
        # A bare name: look it up in cls's own module.
        ns = sys.modules.get(cls.__module__).__dict__
    else:
        # "mod.Name": mod must be a_module in cls's module; then Name is looked
        # up in the module that defines a_type.
        module = sys.modules.get(cls.__module__)
        if module and module.__dict__.get(module_name) is a_module:
            ns = sys.modules.get(a_type.__module__).__dict__
    return bool(ns) and is_type_predicate(ns.get(name), a_module)


def _get_field(cls, a_name, a_type, default_kw_only):
    """The Field for annotation a_name: a_type of cls, checked."""
    # The class attribute is the default: a Field made by field(), a plain
    # value, or nothing.
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        if isinstance(default, types.MemberDescriptorType):
            # A __slots__ entry, not a default.
            default = MISSING
        f = field(default=default)

    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD

    # A ClassVar is only recognised if typing has been imported: without it
    # the annotation cannot be typing.ClassVar.
    typing = sys.modules.get('typing')
    if typing:
        if (_is_classvar(a_type, typing)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, typing, typing.ClassVar,
                                 _is_classvar))):
            f._field_type = _FIELD_CLASSVAR

    if f._field_type is _FIELD:
        dataclasses = sys.modules[__name__]
        if (_is_initvar(a_type, dataclasses)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, dataclasses, dataclasses.InitVar,
                                 _is_initvar))):
            f._field_type = _FIELD_INITVAR

    # Neither kind is set by __init__, so a factory would never run.
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f'field {f.name} cannot have a '
                            'default factory')

    if f._field_type is _FIELD_CLASSVAR:
        if f.kw_only is not MISSING:
            raise TypeError(f'field {f.name} is a ClassVar but specifies '
                            'kw_only')
    elif f.kw_only is MISSING:
        f.kw_only = default_kw_only

    # A default shared by every instance must not be mutable; "unhashable" is
    # the test for mutable (list, dict, set, and classes that set __eq__ only).
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f'mutable default {type(f.default)} for field '
                         f'{f.name} is not allowed: use default_factory')

    return f


def _set_qualname(cls, value):
    # A generated function is born as "__create_fn__.<locals>.<name>".
    if isinstance(value, FunctionType):
        value.__qualname__ = f'{cls.__qualname__}.{value.__name__}'
    return value


def _set_new_attribute(cls, name, value):
    """Add a generated method unless cls defines name itself; say whether it
    did (True: left alone)."""
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


# ---------------------------------------------------------------------------
# __hash__
# ---------------------------------------------------------------------------
#
# Whether a __hash__ is generated depends on unsafe_hash, eq, frozen and whether
# the class sets __hash__ itself ("explicit": a __hash__ in the class body, but
# not the None Python puts there when the body defines __eq__):
#
#   unsafe_hash  eq     frozen  explicit  action
#   False        False  -       -         keep whatever is inherited
#   False        True   False   False     __hash__ = None (mutable: unhashable)
#   False        True   True    False     generate from the fields
#   False        True   -       True      keep the class's own
#   True         -      -       False     generate from the fields
#   True         -      -       True      TypeError
#
# The generated hash covers the fields whose hash flag is true, or, with the
# flag None, whose compare flag is.

def _hash_set_none(cls, fields, globals):
    return None


def _hash_add(cls, fields, globals):
    hashed = [f for f in fields if (f.compare if f.hash is None else f.hash)]
    return _set_qualname(cls, _hash_fn(hashed, globals))


def _hash_exception(cls, fields, globals):
    raise TypeError(f'Cannot overwrite attribute __hash__ '
                    f'in class {cls.__name__}')


def _hash_action(unsafe_hash, eq, frozen, has_explicit_hash):
    """The function computing the new __hash__, or None to leave it alone."""
    if unsafe_hash:
        return _hash_exception if has_explicit_hash else _hash_add
    if not eq or has_explicit_hash:
        return None
    return _hash_add if frozen else _hash_set_none


# ---------------------------------------------------------------------------
# dataclass()
# ---------------------------------------------------------------------------

def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    # The generated methods run with the class's module as their globals, so
    # that string annotations and names in defaults resolve as in the class body.
    if cls.__module__ in sys.modules:
        globals = sys.modules[cls.__module__].__dict__
    else:
        globals = {}

    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order,
                                           unsafe_hash, frozen))

    # Inherited fields, from the farthest base to the nearest; a nearer base's
    # field of the same name replaces the farther one's, keeping its place.
    fields = {}
    any_frozen_base = False
    has_dataclass_bases = False
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is None:
            continue
        has_dataclass_bases = True
        for f in base_fields.values():
            fields[f.name] = f
        if getattr(base, _PARAMS).frozen:
            any_frozen_base = True

    # The class's own annotations (not inherited ones: cls.__dict__).
    cls_annotations = cls.__dict__.get('__annotations__', {})
    dataclasses = sys.modules[__name__]
    cls_fields = []
    KW_ONLY_seen = False
    for name, a_type in cls_annotations.items():
        if (_is_kw_only(a_type, dataclasses)
                or (isinstance(a_type, str)
                    and _is_type(a_type, cls, dataclasses, dataclasses.KW_ONLY,
                                 _is_kw_only))):
            # The name annotated KW_ONLY (usually "_") is not a field.
            if KW_ONLY_seen:
                raise TypeError(f'{name!r} is KW_ONLY, but KW_ONLY '
                                'has already been specified')
            KW_ONLY_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, a_type, kw_only))

    for f in cls_fields:
        fields[f.name] = f
        # A Field left as the class attribute is replaced by its plain default,
        # or removed when there is none (then the name stays unset on the
        # class, and reading it from an instance without it fails as usual).
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in cls_annotations:
            raise TypeError(f'{name!r} is a field but has no type annotation')

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a '
                            'frozen one')
        if frozen and not any_frozen_base:
            raise TypeError('cannot inherit frozen dataclass from a '
                            'non-frozen one')

    setattr(cls, _FIELDS, fields)

    # Read before any method is added: whether the class body set __hash__.
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None
                                 and '__eq__' in cls.__dict__))

    if order and not eq:
        raise ValueError('eq must be true if order is true')

    # The __init__ parameters: fields and InitVars, positional ones first.
    all_init_fields = [f for f in fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
    std_init_fields = tuple(f for f in all_init_fields
                            if f.init and not f.kw_only)
    kw_only_init_fields = tuple(f for f in all_init_fields
                                if f.init and f.kw_only)

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        # A field named "self" takes that name from the instance parameter.
        self_name = '__dataclass_self__' if 'self' in fields else 'self'
        _set_new_attribute(cls, '__init__',
                           _init_fn(all_init_fields, std_init_fields,
                                    kw_only_init_fields, frozen, has_post_init,
                                    self_name, globals, slots))

    # The remaining methods use the real fields only.
    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        _set_new_attribute(cls, '__repr__',
                           _repr_fn([f for f in field_list if f.repr], globals))

    compared = [f for f in field_list if f.compare]
    self_tuple = _tuple_str('self', compared)
    other_tuple = _tuple_str('other', compared)

    if eq:
        _set_new_attribute(cls, '__eq__',
                           _cmp_fn('__eq__', '==', self_tuple, other_tuple,
                                   globals=globals))

    if order:
        for name, op in (('__lt__', '<'), ('__le__', '<='),
                         ('__gt__', '>'), ('__ge__', '>=')):
            fn = _cmp_fn(name, op, self_tuple, other_tuple, globals=globals)
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f'Cannot overwrite attribute {name} '
                                f'in class {cls.__name__}. Consider using '
                                'functools.total_ordering')

    if frozen:
        for fn in _frozen_get_del_attr(cls, field_list, globals):
            if _set_new_attribute(cls, fn.__name__, fn):
                raise TypeError(f'Cannot overwrite attribute {fn.__name__} '
                                f'in class {cls.__name__}')

    action = _hash_action(bool(unsafe_hash), bool(eq), bool(frozen),
                          has_explicit_hash)
    if action:
        cls.__hash__ = action(cls, field_list, globals)

    # Without a docstring the class documents its constructor's signature.
    if not getattr(cls, '__doc__'):
        try:
            text_sig = str(inspect.signature(cls)).replace(' -> None', '')
        except (TypeError, ValueError):
            text_sig = ''
        cls.__doc__ = cls.__name__ + text_sig

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError('weakref_slot is True but slots is False')
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    # The generated methods may implement abstract ones of a base.
    abc.update_abstractmethods(cls)

    return cls


# A frozen slotted class has neither a __dict__ for pickle to restore nor a
# __setattr__ that pickle's default could use: it pickles its fields as a list.
def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for field, value in zip(fields(self), state):
        # The class's own __setattr__ would raise FrozenInstanceError.
        object.__setattr__(self, field.name, value)


def _get_slots(cls):
    """The names in cls's own __slots__ (a string is one name)."""
    slots = cls.__dict__.get('__slots__')
    if slots is None:
        return ()
    if isinstance(slots, str):
        return (slots,)
    if hasattr(slots, '__next__'):
        # An iterator was consumed when the class was made: its names are gone.
        raise TypeError(f"Slots of '{cls.__name__}' cannot be determined")
    return slots


def _add_slots(cls, is_frozen, weakref_slot):
    """A copy of cls with __slots__ for its fields (a class's slots cannot be
    added after it is created, so the class is made again)."""
    if '__slots__' in cls.__dict__:
        raise TypeError(f'{cls.__name__} already specifies __slots__')

    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))

    # A slot a base (other than object) already has is not repeated.
    inherited_slots = set()
    for base in cls.__mro__[1:-1]:
        inherited_slots.update(_get_slots(base))
    wanted = field_names + (('__weakref__',) if weakref_slot else ())
    cls_dict['__slots__'] = tuple(name for name in wanted
                                  if name not in inherited_slots)

    # Defaults would clash with the slot descriptors of the same names; the
    # __init__ sets them instead (see _field_init).
    for name in field_names:
        cls_dict.pop(name, None)
    # The old class's __dict__ and __weakref__ descriptors belong to it alone.
    cls_dict.pop('__dict__', None)
    cls_dict.pop('__weakref__', None)

    qualname = getattr(cls, '__qualname__', None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname

    if is_frozen:
        if '__getstate__' not in cls_dict:
            cls.__getstate__ = _dataclass_getstate
        if '__setstate__' not in cls_dict:
            cls.__setstate__ = _dataclass_setstate

    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Add special methods to a class from the fields its annotations declare.

    The fields are the class's PEP 526 __annotations__. init adds __init__(),
    repr adds __repr__(), eq adds __eq__(), order adds __lt__(), __le__(),
    __gt__() and __ge__(); unsafe_hash adds __hash__() even when the class
    is not frozen; frozen makes assigning to fields raise; match_args adds
    __match_args__; kw_only makes every field keyword-only by default; slots
    returns a new class with __slots__ (and weakref_slot adds a __weakref__
    slot to it).

    Used as @dataclass or @dataclass(...).
    """
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots,
                              weakref_slot)

    # @dataclass(...) calls with no class: return the decorator.
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass or of one of its instances, as a tuple
    (ClassVar and InitVar pseudo-fields left out)."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    """Whether obj is an instance of a dataclass."""
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a new dict of name -> value.

    For example, with

      @dataclass
      class C:
          x: int
          y: int

    asdict(C(1, 2)) == {'x': 1, 'y': 2}. Values that are dataclass
    instances are converted too, also inside lists, tuples and dicts; other
    values are deep copies. dict_factory, called with a list of (name, value)
    pairs, builds the mapping in place of dict.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name,
                              _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    return _convert_container(obj, _asdict_inner, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    """The field values of a dataclass instance as a new tuple.

    For example, with

      @dataclass
      class C:
          x: int
          y: int

    astuple(C(1, 2)) == (1, 2). Values that are dataclass instances are
    converted too, also inside lists, tuples and dicts; other values are deep
    copies. tuple_factory, called with a list of the values, builds the result
    in place of tuple.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    return _convert_container(obj, _astuple_inner, tuple_factory)


def _convert_container(obj, inner, factory):
    """The non-dataclass part of asdict/astuple: rebuild lists, tuples and
    dicts of the same type around converted items; deep-copy anything else."""
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        # A namedtuple: its constructor takes the items as separate arguments
        # (and it is not converted to a dict: its _asdict() is for that).
        return type(obj)(*[inner(v, factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        # A list or tuple subclass must accept an iterable of items.
        return type(obj)(inner(v, factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((inner(k, factory), inner(v, factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """Create a dataclass named cls_name at run time.

    Each item of fields is a name, a (name, type) pair or a (name, type,
    Field) triple; a bare name has the type 'typing.Any'. So

      C = make_dataclass('C', ['x', ('y', int), ('z', int, field(init=False))],
                         bases=(Base,))

    is

      @dataclass
      class C(Base):
          x: 'typing.Any'
          y: int
          z: int = field(init=False)

    bases and namespace are as for type(); the other arguments go to
    dataclass().
    """
    if namespace is None:
        namespace = {}

    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = 'typing.Any'
        elif len(item) == 2:
            name, tp, = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f'Invalid field: {item!r}')

        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f'Field names must be valid identifiers: {name!r}')
        if keyword.iskeyword(name):
            raise TypeError(f'Field names must not be keywords: {name!r}')
        if name in seen:
            raise TypeError(f'Field name duplicated: {name!r}')
        seen.add(name)
        annotations[name] = tp

    # types.new_class runs the metaclass machinery (__prepare__ included), as
    # a class statement would.
    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns['__annotations__'] = annotations

    cls = types.new_class(cls_name, bases, {}, exec_body_callback)

    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A new instance like obj with the given fields changed; useful for
    frozen dataclasses. For example, with

      @dataclass(frozen=True)
      class C:
          x: int
          y: int

    replace(C(1, 2), x=3) == C(3, 2).

    The new object is made by calling the class, so __init__ and
    __post_init__ run; every InitVar without a default must be given.
    """
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")

    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue

        if not f.init:
            # __init__ does not take it, so it cannot be changed this way.
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with '
                                 'init=False, it cannot be specified with '
                                 'replace()')
            continue

        if f.name not in changes:
            # An InitVar's value is not kept on the instance.
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} "
                                 'must be specified with replace()')
            changes[f.name] = getattr(obj, f.name)

    # Names that are not fields make the call raise TypeError, as they should.
    return obj.__class__(**changes)
