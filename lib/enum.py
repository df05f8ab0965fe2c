"""Enumerations: named constants grouped in a class.

pyrs's enum (CPython 3.11's Lib/enum.py), written for pyrs. The public API, the
reprs, the error messages and the class attributes that other modules and CPython's
test_enum look at (`_member_map_`, `_value2member_map_`, `_member_type_`,
`_flag_mask_`, ...) are CPython 3.11's.

How a class statement becomes an enumeration:

1. `EnumType.__prepare__` hands the class body an `_EnumDict`, which records which
   names are to become members (in order), resolves `auto()` values and rejects
   reserved `_sunder_` names.
2. `EnumType.__new__` works out the data type mixed in (int, str, ...) and which
   `__new__` makes the members, then wraps each future member's value in a
   `_proto_member` before calling `type.__new__`.
3. `type.__new__` calls `__set_name__` on every `_proto_member`, in definition
   order; that turns the value into a real member (or an alias of an earlier one)
   and records it in the class's maps. This happens before `__init_subclass__`, so
   that hook already sees the members.
4. Back in `EnumType.__new__`: repr/str/format are settled (ReprEnum keeps the data
   type's str and format), Flag classes get their operators, and `_order_` is
   checked.

Differences from CPython: enum does not import functools or operator (only
`verify` needed them); `_simple_enum` resolves `auto()` values for Flag classes as it
does for Enum classes (CPython 3.11's Flag branch raises AttributeError there).
"""

import sys
import builtins as bltns
from types import MappingProxyType, DynamicClassAttribute


__all__ = [
        'EnumType', 'EnumMeta',
        'Enum', 'IntEnum', 'StrEnum', 'Flag', 'IntFlag', 'ReprEnum',
        'auto', 'unique', 'property', 'verify', 'member', 'nonmember',
        'FlagBoundary', 'STRICT', 'CONFORM', 'EJECT', 'KEEP',
        'global_flag_repr', 'global_enum_repr', 'global_str', 'global_enum',
        'EnumCheck', 'CONTINUOUS', 'NAMED_FLAGS', 'UNIQUE',
        'pickle_by_global_name', 'pickle_by_enum_name',
        ]


# The classes below are built by EnumType, which refers to Enum, Flag, ReprEnum
# and EJECT; while those are themselves being built the names hold None, and
# EnumType checks for that.
Enum = Flag = EJECT = _stdlib_enums = ReprEnum = None


# ---------------------------------------------------------------------------
# Wrappers a class body uses to say what becomes a member

class nonmember(object):
    """
    Protects item from becoming an Enum member during class creation.
    """
    def __init__(self, value):
        self.value = value


class member(object):
    """
    Forces item to become an Enum member during class creation.
    """
    def __init__(self, value):
        self.value = value


class _AutoNull:
    """The value of an auto() whose value is still to be generated."""

    def __repr__(self):
        return '_auto_null'

_auto_null = _AutoNull()
del _AutoNull


class auto:
    """
    Instances are replaced with an appropriate value in Enum class suites.
    """
    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return "auto(%r)" % self.value


# ---------------------------------------------------------------------------
# Small helpers (CPython's test_enum calls several of them directly)

def _is_descriptor(obj):
    """
    Returns True if obj is a descriptor, False otherwise.
    """
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__')
            or hasattr(obj, '__delete__'))


def _is_dunder(name):
    """
    Returns True if a __dunder__ name, False otherwise.
    """
    # Two underscores at each end, and a non-underscore next to each pair.
    return (len(name) > 4 and name.startswith('__') and name.endswith('__')
            and name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    """
    Returns True if a _sunder_ name, False otherwise.
    """
    # One underscore at each end, and a non-underscore next to each.
    return (len(name) > 2 and name[0] == '_' and name[-1] == '_'
            and name[1] != '_' and name[-2] != '_')


def _is_internal_class(cls_name, obj):
    """Whether obj is a class defined inside the body of class cls_name."""
    if not isinstance(obj, type):
        return False
    qualname = getattr(obj, '__qualname__', '')
    nested = cls_name + '.' + getattr(obj, '__name__', '')
    return qualname == nested or qualname.endswith('.' + nested)


def _is_private(cls_name, name):
    """Whether name is mangled private to cls_name (`_Cls__x`, not `_Cls__x__`)."""
    prefix = '_%s__' % (cls_name, )
    return (len(name) > len(prefix) and name.startswith(prefix)
            and not name.endswith('__'))


def _is_single_bit(num):
    """
    True if only one bit set in num (should be an int)
    """
    return num != 0 and num & (num - 1) == 0


def _high_bit(value):
    """
    returns index of highest bit, or -1 if value is zero or negative
    """
    return value.bit_length() - 1


def _iter_bits_lsb(num):
    """Yield the bits set in num (an int or an int-valued member), lowest first."""
    original = num
    if isinstance(num, Enum):
        num = num.value
    if num < 0:
        raise ValueError('%r is not a positive integer' % original)
    while num:
        lowest = num & -num
        yield lowest
        num ^= lowest


def show_flag_values(value):
    return list(_iter_bits_lsb(value))


def bin(num, max_bits=None):
    """
    Like built-in bin(), but a negative number is written in two's complement,
    and the first digit after the prefix is the sign (0 positive, 1 negative).

    >>> bin(10)
    '0b0 1010'
    >>> bin(~10)   # ~10 is -11
    '0b1 0101'
    >>> bin(5, 8)
    '0b0 00000101'
    """
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        # num + ceiling has one extra leading 1; that 1 becomes the 0 sign bit.
        text = bltns.bin(num + ceiling).replace('1', '0', 1)
    else:
        text = bltns.bin(~num ^ (ceiling - 1) + ceiling)
    sign, digits = text[:3], text[3:]
    if max_bits is not None and len(digits) < max_bits:
        # sign extension
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return "%s %s" % (sign, digits)


def _make_class_unpicklable(obj):
    """
    Make obj (an Enum class, or the namespace dict of one) unpicklable.
    """
    def _break_on_call_reduce(self, proto):
        raise TypeError('%r cannot be pickled' % self)
    if isinstance(obj, dict):
        obj['__reduce_ex__'] = _break_on_call_reduce
        obj['__module__'] = '<unknown>'
    else:
        setattr(obj, '__reduce_ex__', _break_on_call_reduce)
        setattr(obj, '__module__', '<unknown>')


def _find_aliases(enumeration):
    """The (alias, canonical name) pairs of an enumeration, in definition order."""
    return [(name, member.name)
            for name, member in enumeration.__members__.items()
            if name != member.name]


def _alias_details(aliases):
    return ', '.join(["%s -> %s" % (alias, name) for (alias, name) in aliases])


# ---------------------------------------------------------------------------
# enum.property

class property(DynamicClassAttribute):
    """
    This is a descriptor, used to define attributes that act differently
    when accessed through an enum member and through an enum class.
    Instance access is the same as property(), but access to an attribute
    through the enum class will instead look in the class' _member_map_ for
    a corresponding enum member.
    """

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            try:
                return ownerclass._member_map_[self.name]
            except KeyError:
                raise AttributeError(
                        '%r has no attribute %r' % (ownerclass, self.name)
                        )
        if self.fget is not None:
            return self.fget(instance)
        # A redirect with no getter stands for a member of the same name.
        try:
            return ownerclass._member_map_[self.name]
        except KeyError:
            raise AttributeError(
                    '%r has no attribute %r' % (ownerclass, self.name)
                    ) from None

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError(
                    "<enum %r> cannot set attribute %r" % (self.clsname, self.name)
                    )
        return self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError(
                    "<enum %r> cannot delete attribute %r" % (self.clsname, self.name)
                    )
        return self.fdel(instance)

    def __set_name__(self, ownerclass, name):
        self.name = name
        self.clsname = ownerclass.__name__


def _install_member_attribute(enum_class, name, enum_member):
    """Make `enum_class.<name>` give the member.

    The member itself goes into the class dict, unless a base class defines a
    property of that name (Enum's `name` and `value`, say): then a redirecting
    enum.property takes its place, which gives the member on the class and keeps
    the base's property on instances.
    """
    found = None
    for base in enum_class.__mro__[1:]:
        descriptor = base.__dict__.get(name)
        if descriptor is None:
            continue
        if isinstance(descriptor, (property, DynamicClassAttribute)):
            found = descriptor
            break
        if (hasattr(descriptor, 'fget') and hasattr(descriptor, 'fset')
                and hasattr(descriptor, 'fdel')):
            # a property-like object: remember it, but a nearer enum
            # property further along the MRO wins
            found = descriptor
    if found:
        redirect = property()
        redirect.member = enum_member
        redirect.__set_name__(enum_class, name)
        redirect.fget = found.fget
        redirect.fset = found.fset
        redirect.fdel = found.fdel
        setattr(enum_class, name, redirect)
    else:
        setattr(enum_class, name, enum_member)


class _proto_member:
    """
    intermediate step for enum members between class execution and final creation
    """

    def __init__(self, value):
        self.value = value

    def __set_name__(self, enum_class, member_name):
        """
        convert each quasi-member into an instance of the new enum class
        """
        delattr(enum_class, member_name)
        enum_member, value = self._make_member(enum_class, member_name)
        is_flag = Flag is not None and issubclass(enum_class, Flag)
        if is_flag:
            enum_class._flag_mask_ |= value
            if _is_single_bit(value):
                enum_class._singles_mask_ |= value
            enum_class._all_bits_ = 2 ** enum_class._flag_mask_.bit_length() - 1
        canonical = self._find_canonical(enum_class, value)
        if canonical is not None:
            # a second name for an earlier member's value: an alias
            enum_member = canonical
        elif not is_flag or _is_single_bit(value):
            # A new canonical member. (A multi-bit flag value stays out of
            # _member_names_: iteration gives the single bits only.)
            enum_class._member_names_.append(member_name)
        _install_member_attribute(enum_class, member_name, enum_member)
        # aliases are in _member_map_ too
        enum_class._member_map_[member_name] = enum_member
        try:
            enum_class._value2member_map_.setdefault(value, enum_member)
        except TypeError:
            # Unhashable: by-value lookup of this value is a linear search.
            enum_class._unhashable_values_.append(value)

    def _make_member(self, enum_class, member_name):
        """Create the instance of enum_class that holds this value; return it
        and its value."""
        value = self.value
        args = value if isinstance(value, tuple) else (value, )
        if enum_class._member_type_ is tuple:
            # a tuple-valued enum gets the whole tuple as one argument
            args = (args, )
        if enum_class._use_args_:
            enum_member = enum_class._new_member_(enum_class, *args)
        else:
            enum_member = enum_class._new_member_(enum_class)
        if not hasattr(enum_member, '_value_'):
            if enum_class._member_type_ is object:
                enum_member._value_ = value
            else:
                try:
                    enum_member._value_ = enum_class._member_type_(*args)
                except Exception as exc:
                    new_exc = TypeError(
                            '_value_ not set in __new__, unable to create it'
                            )
                    new_exc.__cause__ = exc
                    raise new_exc
        # the value as __new__ left it (an __init__ changing _value_ does
        # not move the member in the maps)
        value = enum_member._value_
        enum_member._name_ = member_name
        enum_member.__objclass__ = enum_class
        enum_member.__init__(*args)
        enum_member._sort_order_ = len(enum_class._member_names_)
        return enum_member, value

    @staticmethod
    def _find_canonical(enum_class, value):
        """The member already holding value, or None."""
        try:
            return enum_class._value2member_map_[value]
        except KeyError:
            return None
        except TypeError:
            # unhashable value: compare with every member
            for canonical in enum_class._member_map_.values():
                if canonical._value_ == value:
                    return canonical
            return None


# ---------------------------------------------------------------------------
# The class-body namespace

_ALLOWED_SUNDERS = (
        '_order_',
        '_generate_next_value_', '_numeric_repr_', '_missing_', '_ignore_',
        '_iter_member_', '_iter_member_by_value_', '_iter_member_by_def_',
        )


class _EnumDict(dict):
    """
    Track enum member order and ensure member names are not reused.

    EnumType will use the names found in self._member_names as the
    enumeration member names.
    """
    def __init__(self):
        super().__init__()
        self._member_names = {}  # a dict, for its insertion order
        self._last_values = []
        self._ignore = []
        self._auto_called = False

    def __setitem__(self, key, value):
        """
        Changes anything not dundered or not a descriptor.

        If an enum member name is used twice, an error is raised; duplicate
        values are not checked for.

        Single underscore (sunder) names are reserved.
        """
        if _is_internal_class(self._cls_name, value):
            import warnings
            warnings.warn(
                    "In 3.13 classes created inside an enum will not become a member.  "
                    "Use the `member` decorator to keep the current behavior.",
                    DeprecationWarning,
                    stacklevel=2,
                    )
        if _is_private(self._cls_name, key):
            pass  # a normal attribute
        elif _is_sunder(key):
            value = self._set_sunder(key, value)
        elif _is_dunder(key):
            if key == '__order__':
                key = '_order_'
        elif key in self._member_names:
            # a descriptor (or anything) reusing a member's name
            raise TypeError('%r already defined as %r' % (key, self[key]))
        elif key in self._ignore:
            pass
        elif isinstance(value, nonmember):
            value = value.value
        elif _is_descriptor(value):
            pass
        else:
            # this name becomes a member
            if key in self:
                # a member reusing a descriptor's name
                raise TypeError('%r already defined as %r' % (key, self[key]))
            if isinstance(value, member):
                value = value.value
            value = self._add_member_name(key, value)
        super().__setitem__(key, value)

    def _set_sunder(self, key, value):
        """Check and record a _sunder_ setting; return the value to store."""
        if key not in _ALLOWED_SUNDERS:
            raise ValueError(
                    '_sunder_ names, such as %r, are reserved for future Enum use'
                    % (key, )
                    )
        if key == '_generate_next_value_':
            if self._auto_called:
                raise TypeError("_generate_next_value_ must be defined before members")
            if isinstance(value, staticmethod):
                self._generate_next_value = value.__func__
            else:
                self._generate_next_value = value
        elif key == '_ignore_':
            if isinstance(value, str):
                value = value.replace(',', ' ').split()
            else:
                value = list(value)
            self._ignore = value
            already = set(value) & set(self._member_names)
            if already:
                raise ValueError(
                        '_ignore_ cannot specify already set names: %r'
                        % (already, )
                        )
        return value

    def _add_member_name(self, key, value):
        """Record key as a member; return its value with any auto() resolved.

        auto() counts at the top level of the value, or as an item of a plain
        tuple (not a tuple subclass, nor any other container).
        """
        single = isinstance(value, auto)
        items = (value, ) if single else value
        resolved_auto = False
        if type(items) is tuple and any(isinstance(v, auto) for v in items):
            resolved = []
            for v in items:
                if isinstance(v, auto):
                    resolved_auto = True
                    if v.value == _auto_null:
                        v.value = self._generate_next_value(
                                key, 1, len(self._member_names), self._last_values[:],
                                )
                        self._auto_called = True
                    v = v.value
                    self._last_values.append(v)
                resolved.append(v)
            value = resolved[0] if single else tuple(resolved)
        self._member_names[key] = None
        if not resolved_auto:
            self._last_values.append(value)
        return value

    def update(self, members, **more_members):
        try:
            for name in members.keys():
                self[name] = members[name]
        except AttributeError:
            for name, value in members:
                self[name] = value
        for name, value in more_members.items():
            self[name] = value


# ---------------------------------------------------------------------------
# The metaclass

class EnumType(type):
    """
    Metaclass for Enum
    """

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        metacls._check_for_existing_members_(cls, bases)
        enum_dict = _EnumDict()
        enum_dict._cls_name = cls
        # the first enum base supplies _generate_next_value_
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        if first_enum is not None:
            enum_dict['_generate_next_value_'] = getattr(
                    first_enum, '_generate_next_value_', None,
                    )
        return enum_dict

    def __new__(metacls, cls, bases, classdict, *, boundary=None, _simple=False, **kwds):
        if _simple:
            # _simple_enum builds the class itself
            return super().__new__(metacls, cls, bases, classdict, **kwds)
        #
        # names listed in _ignore_ (and _ignore_ itself) are dropped
        classdict.setdefault('_ignore_', []).append('_ignore_')
        for key in classdict['_ignore_']:
            classdict.pop(key, None)
        member_names = classdict._member_names
        invalid_names = set(member_names) & {'mro', ''}
        if invalid_names:
            raise ValueError('invalid enum member name(s) %s' % (
                    ','.join(repr(n) for n in invalid_names)
                    ))
        _order_ = classdict.pop('_order_', None)
        classdict = dict(classdict.items())
        #
        # the data type of the members, and the Enum class that controls them
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        __new__, save_new, use_args = metacls._find_new_(
                classdict, member_type, first_enum,
                )
        classdict['_new_member_'] = __new__
        classdict['_use_args_'] = use_args
        #
        # type.__new__ turns these into members (_proto_member.__set_name__)
        for name in member_names:
            classdict[name] = _proto_member(classdict[name])
        classdict['_member_names_'] = []
        classdict['_member_map_'] = {}
        classdict['_value2member_map_'] = {}
        classdict['_unhashable_values_'] = []
        classdict['_member_type_'] = member_type
        classdict['_value_repr_'] = metacls._find_data_repr_(cls, bases)
        #
        # Flag bookkeeping (deleted again below if the class is not a Flag)
        classdict['_boundary_'] = (
                boundary
                or getattr(first_enum, '_boundary_', None)
                )
        classdict['_flag_mask_'] = 0
        classdict['_singles_mask_'] = 0
        classdict['_all_bits_'] = 0
        classdict['_inverted_'] = None
        try:
            exc = None
            enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
        except RuntimeError as e:
            # An error in a member's __new__ arrives wrapped in the
            # RuntimeError of __set_name__; raise the original.
            exc = e.__cause__ or e
        if exc is not None:
            raise exc
        # __init_subclass__ may have changed the class
        classdict.update(enum_class.__dict__)
        #
        _settle_str_and_repr(enum_class, classdict, bases, member_type, first_enum)
        if Flag is not None and issubclass(enum_class, Flag):
            for name in (
                    '__or__', '__and__', '__xor__',
                    '__ror__', '__rand__', '__rxor__',
                    '__invert__'
                ):
                if name not in classdict:
                    enum_method = getattr(Flag, name)
                    setattr(enum_class, name, enum_method)
                    classdict[name] = enum_method
        #
        # Calling the class looks a member up (Enum.__new__, which pickle
        # relies on too); a __new__ the class defined is kept as
        # __new_member__ for subclasses.
        if Enum is not None:
            if save_new:
                enum_class.__new_member__ = __new__
            enum_class.__new__ = Enum.__new__
        #
        if _order_ is not None and isinstance(_order_, str):
            _order_ = _order_.replace(',', ' ').split()
        if (
                Flag is None and cls != 'Flag'
                or Flag is not None and not issubclass(enum_class, Flag)
            ):
            for name in ('_boundary_', '_flag_mask_', '_singles_mask_',
                         '_all_bits_', '_inverted_'):
                delattr(enum_class, name)
        elif Flag is not None and issubclass(enum_class, Flag):
            # iterate composites in definition order if that is not value order
            member_list = [m._value_ for m in enum_class]
            if member_list != sorted(member_list):
                enum_class._iter_member_ = enum_class._iter_member_by_def_
            if _order_:
                # _order_ lists only the single-bit members of a flag
                _order_ = [
                        o for o in _order_
                        if o not in enum_class._member_map_
                        or _is_single_bit(enum_class[o]._value_)
                        ]
        if _order_:
            # aliases do not count
            _order_ = [
                    o for o in _order_
                    if o not in enum_class._member_map_
                    or o in enum_class._member_names_
                    ]
            if _order_ != enum_class._member_names_:
                raise TypeError(
                        'member order does not match _order_:\n  %r\n  %r'
                        % (enum_class._member_names_, _order_)
                        )
        return enum_class

    def __bool__(cls):
        """
        classes/types should always be True.
        """
        return True

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        """
        Either returns an existing member, or creates a new enum class.

        This method is used both when an enum class is given a value to match
        to an enumeration member (i.e. Color(3)) and for the functional API
        (i.e. Color = Enum('Color', names='RED GREEN BLUE')).

        When used for the functional API:

        `value` will be the name of the new class.

        `names` should be either a string of white-space/comma delimited names
        (values will start at `start`), or an iterator/mapping of name, value pairs.

        `module` should be set to the module this class is being created in;
        if it is not set, an attempt to find that module will be made, but if
        it fails the class will not be picklable.

        `qualname` should be set to the actual location this class can be found
        at in its module; by default it is set to the global scope.  If this is
        not correct, unpickling will fail in some circumstances.

        `type`, if set, will be mixed in as the first base class.
        """
        if names is None:
            # Color(3): look the member up
            return cls.__new__(cls, value)
        # Enum('Color', 'RED GREEN BLUE'): make a class
        return cls._create_(
                value,
                names,
                module=module,
                qualname=qualname,
                type=type,
                start=start,
                boundary=boundary,
                )

    def __contains__(cls, member):
        """
        Return True if member is a member of this enum
        raises TypeError if member is not an enum member

        note: in 3.12 TypeError will no longer be raised, and True will also be
        returned if member is the value of a member in this enum
        """
        if not isinstance(member, Enum):
            import warnings
            warnings.warn(
                    "in 3.12 __contains__ will no longer raise TypeError, but will return True or\n"
                    "False depending on whether the value is a member or the value of a member",
                    DeprecationWarning,
                    stacklevel=2,
                    )
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'" % (
                    type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError("%r cannot delete member %r." % (cls.__name__, attr))
        super().__delattr__(attr)

    def __dir__(cls):
        interesting = {
                '__class__', '__contains__', '__doc__', '__getitem__',
                '__iter__', '__len__', '__members__', '__module__',
                '__name__', '__qualname__',
                }
        interesting.update(cls._member_names_)
        if cls._new_member_ is not object.__new__:
            interesting.add('__new__')
        if cls.__init_subclass__ is not object.__init_subclass__:
            interesting.add('__init_subclass__')
        if cls._member_type_ is not object:
            # and whatever the data type has
            interesting.update(dir(cls._member_type_))
        return sorted(interesting)

    def __getattr__(cls, name):
        """
        Return the enum member matching `name`

        We use __getattr__ instead of descriptors or inserting into the enum
        class' __dict__ in order to support `name` and `value` being both
        properties for enum members (which live in the class' __dict__) and
        enum members themselves.
        """
        if _is_dunder(name):
            raise AttributeError(name)
        try:
            return cls._member_map_[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(cls, name):
        """
        Return the member matching `name`.
        """
        return cls._member_map_[name]

    def __iter__(cls):
        """
        Return members in definition order.
        """
        return (cls._member_map_[name] for name in cls._member_names_)

    def __len__(cls):
        """
        Return the number of members (no aliases)
        """
        return len(cls._member_names_)

    @bltns.property
    def __members__(cls):
        """
        Returns a mapping of member name->value.

        This mapping lists all enum members, including aliases. Note that this
        is a read-only view of the internal mapping.
        """
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __reversed__(cls):
        """
        Return members in reverse definition order.
        """
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __setattr__(cls, name, value):
        """
        Block attempts to reassign Enum members.

        A simple assignment to the class namespace only changes one of the
        several possible ways to get an Enum member from the Enum class,
        resulting in an inconsistent Enumeration.
        """
        member_map = cls.__dict__.get('_member_map_', {})
        if name in member_map:
            raise AttributeError('cannot reassign member %r' % (name, ))
        super().__setattr__(name, value)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None, start=1, boundary=None):
        """
        Convenience method to create a new Enum class.

        `names` can be:

        * A string containing member names, separated either with spaces or
          commas.  Values are incremented by 1 from `start`.
        * An iterable of member names.  Values are incremented by 1 from `start`.
        * An iterable of (member name, value) pairs.
        * A mapping of member name -> value pairs.
        """
        metacls = cls.__class__
        bases = (cls, ) if type is None else (type, cls)
        _, first_enum = cls._get_mixins_(class_name, bases)
        classdict = metacls.__prepare__(class_name, bases)
        #
        # bare names get generated values
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            pairs = []
            last_values = []
            for count, name in enumerate(names):
                value = first_enum._generate_next_value_(name, start, count, last_values[:])
                last_values.append(value)
                pairs.append((name, value))
            names = pairs
        if names is None:
            names = ()
        # now an iterable of (name, value) pairs, or a mapping
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        #
        # The caller's module, for pickling; without it the class cannot be
        # pickled.
        if module is None:
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        if module is None:
            _make_class_unpicklable(classdict)
        else:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict, boundary=boundary)

    def _convert_(cls, name, module, filter, source=None, *, boundary=None, as_global=False):
        """
        Create a new Enum subclass that replaces a collection of global constants
        """
        # The constants of source (or of the module) that pass filter become
        # the members; the class and its members are then exported to the
        # module.
        module_globals = sys.modules[module].__dict__
        members = _select_constants(module_globals, filter, source)
        body = {t[0]: t[1] for t in members}
        body['__module__'] = module
        tmp_cls = bltns.type(name, (object, ), body)
        cls = _simple_enum(etype=cls, boundary=boundary or KEEP)(tmp_cls)
        if as_global:
            global_enum(cls)
        else:
            sys.modules[cls.__module__].__dict__.update(cls.__members__)
        module_globals[name] = cls
        return cls

    @classmethod
    def _check_for_existing_members_(mcls, class_name, bases):
        for chain in bases:
            for base in chain.__mro__:
                if isinstance(base, EnumType) and base._member_names_:
                    raise TypeError(
                            "<enum %r> cannot extend %r"
                            % (class_name, base)
                            )

    @classmethod
    def _get_mixins_(mcls, class_name, bases):
        """
        Returns the type for creating enum members, and the first inherited
        enum class.

        bases: the tuple of bases that was given to __new__
        """
        if not bases:
            return object, Enum
        mcls._check_for_existing_members_(class_name, bases)
        # the last base must be an Enum
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                    "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        member_type = mcls._find_data_type_(class_name, bases) or object
        return member_type, first_enum

    @classmethod
    def _find_data_repr_(mcls, class_name, bases):
        """The __repr__ that shows member values: the nearest one along the
        bases' MROs, an enum class's _value_repr_ counting as one."""
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    return base._value_repr_
                if '__repr__' in base.__dict__:
                    return base.__dict__['__repr__']
        return None

    @classmethod
    def _find_data_type_(mcls, class_name, bases):
        """The data type mixed in (a class with its own __new__, or a
        dataclass), or None."""
        data_types = set()
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        data_types.add(base._member_type_)
                        break
                elif '__new__' in base.__dict__ or '__dataclass_fields__' in base.__dict__:
                    # A plain mixin seen before the data type in this chain
                    # stands for it.
                    data_types.add(candidate or base)
                    break
                else:
                    candidate = candidate or base
        if len(data_types) > 1:
            raise TypeError('too many data types for %r: %r' % (class_name, data_types))
        if data_types:
            return data_types.pop()
        return None

    @classmethod
    def _find_new_(mcls, classdict, member_type, first_enum):
        """
        Returns the __new__ to be used for creating the enum members.

        classdict: the class dictionary given to __new__
        member_type: the data type whose __new__ will be used by default
        first_enum: enumeration to check for an overriding __new__
        """
        # The class's own __new__ first; then a __new_member__ saved by an
        # earlier enum class, or the data type's __new__.
        __new__ = classdict.get('__new__', None)
        save_new = first_enum is not None and __new__ is not None
        if __new__ is None:
            __new__ = object.__new__
            uninteresting = {None, None.__new__, object.__new__, Enum.__new__}
            for method in ('__new_member__', '__new__'):
                target = None
                for possible in (member_type, first_enum):
                    target = getattr(possible, method, None)
                    if target not in uninteresting:
                        break
                else:
                    continue
                __new__ = target
                break
        # Any __new__ but these takes the member's value as its arguments
        # (and so does the member's __init__).
        use_args = not (first_enum is None or __new__ in (Enum.__new__, object.__new__))
        return __new__, save_new, use_args

EnumMeta = EnumType


def _settle_str_and_repr(enum_class, classdict, bases, member_type, first_enum):
    """Choose __repr__, __str__, __format__ and __reduce_ex__.

    A ReprEnum keeps its data type's str() and format(). Otherwise, where
    the class would inherit one of these from its data type or object, it
    gets the enum version instead (which pickle and repr need).
    """
    if ReprEnum is not None and ReprEnum in bases:
        if member_type is object:
            raise TypeError(
                    'ReprEnum subclasses must be mixed with a data type (i.e.'
                    ' int, str, float, etc.)'
                    )
        if '__format__' not in classdict:
            enum_class.__format__ = member_type.__format__
            classdict['__format__'] = enum_class.__format__
        if '__str__' not in classdict:
            method = member_type.__str__
            if method is object.__str__:
                # object.__str__ would call our __repr__; use the type's
                method = member_type.__repr__
            enum_class.__str__ = method
            classdict['__str__'] = enum_class.__str__
    for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
        if name not in classdict:
            found_method = getattr(enum_class, name)
            if found_method in (getattr(member_type, name), getattr(object, name)):
                setattr(enum_class, name, getattr(first_enum, name))


def _select_constants(module_globals, filter, source):
    """The (name, value) pairs of source's namespace (or module_globals) whose
    names pass filter, sorted by value (by name if values do not compare) so
    that the first name of a value is always the same."""
    namespace = source.__dict__ if source else module_globals
    members = [(name, value) for name, value in namespace.items() if filter(name)]
    try:
        members.sort(key=lambda t: (t[1], t[0]))
    except TypeError:
        members.sort(key=lambda t: t[0])
    return members


# ---------------------------------------------------------------------------
# Enum and its plain subclasses

class Enum(metaclass=EnumType):
    """
    Create a collection of name/value pairs.

    Example enumeration:

    >>> class Color(Enum):
    ...     RED = 1
    ...     BLUE = 2
    ...     GREEN = 3

    Access them by:

    - attribute access::

    >>> Color.RED
    <Color.RED: 1>

    - value lookup:

    >>> Color(1)
    <Color.RED: 1>

    - name lookup:

    >>> Color['RED']
    <Color.RED: 1>

    Enumerations can be iterated over, and know how many members they have:

    >>> len(Color)
    3

    >>> list(Color)
    [<Color.RED: 1>, <Color.BLUE: 2>, <Color.GREEN: 3>]

    Methods can be added to enumerations, and members can have their own
    attributes -- see the documentation for details.
    """

    def __new__(cls, value):
        # Members are made while the class is built; calling the class (and
        # unpickling) only looks one up.
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            # unhashable: search
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        if not cls._member_map_:
            # e.g. super().__new__ reached from a mixin's __new__
            raise TypeError("%r has no members defined" % cls)
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        try:
            if isinstance(result, cls):
                return result
            if (Flag is not None and issubclass(cls, Flag)
                    and cls._boundary_ is EJECT and isinstance(result, int)):
                return result
            ve_exc = ValueError("%r is not a valid %s" % (value, cls.__qualname__))
            if result is None and exc is None:
                raise ve_exc
            if exc is None:
                exc = TypeError(
                        'error in %s._missing_: returned %r instead of None or a valid member'
                        % (cls.__name__, result)
                        )
            if not isinstance(exc, ValueError):
                exc.__context__ = ve_exc
            raise exc
        finally:
            # break the reference cycles through the tracebacks
            exc = None
            ve_exc = None

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        """
        Generate the next value when not given.

        name: the name of the member
        start: the initial start value or None
        count: the number of existing members
        last_values: the list of values assigned
        """
        if not last_values:
            return start
        try:
            last = last_values[-1]
            last_values.sort()
            if last == last_values[-1]:
                return last + 1
            # the last value is not the largest: the 3.11 rule, with a warning
            raise TypeError
        except TypeError:
            import warnings
            warnings.warn(
                    "In 3.13 the default `auto()`/`_generate_next_value_` will require all values to be sortable and support adding +1\n"
                    "and the value returned will be the largest value in the enum incremented by 1",
                    DeprecationWarning,
                    stacklevel=3,
                    )
            for v in reversed(last_values):
                try:
                    return v + 1
                except TypeError:
                    pass
            return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        v_repr = self.__class__._value_repr_ or repr
        return "<%s.%s: %s>" % (self.__class__.__name__, self._name_, v_repr(self._value_))

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_, )

    def __dir__(self):
        """
        Returns public methods and other interesting attributes.
        """
        member_map = self._member_map_
        interesting = set()
        if self.__class__._member_type_ is not object:
            interesting = set(object.__dir__(self))
        for name in getattr(self, '__dict__', []):
            if name[0] != '_' and name not in member_map:
                interesting.add(name)
        for cls in self.__class__.mro():
            for name, obj in cls.__dict__.items():
                if name[0] == '_':
                    continue
                if isinstance(obj, property):
                    # an enum.property: shown unless it only redirects to a member
                    if obj.fget is not None or name not in member_map:
                        interesting.add(name)
                    else:
                        interesting.discard(name)
                elif name not in member_map:
                    interesting.add(name)
        interesting.update(('__class__', '__doc__', '__eq__', '__hash__', '__module__'))
        return sorted(interesting)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_, )

    def __deepcopy__(self, memo):
        return self

    def __copy__(self):
        return self

    # `name` and `value` are enum.property objects, so that an enumeration
    # may still have members called `name` and `value`: on the class these
    # give the members (from _member_map_), on members the attributes.

    @property
    def name(self):
        """The name of the Enum member."""
        return self._name_

    @property
    def value(self):
        """The value of the Enum member."""
        return self._value_


class ReprEnum(Enum):
    """
    Only changes the repr(), leaving str() and format() to the mixed-in type.
    """


class IntEnum(int, ReprEnum):
    """
    Enum where members are also (and must be) ints
    """


class StrEnum(str, ReprEnum):
    """
    Enum where members are also (and must be) strings
    """

    def __new__(cls, *values):
        "values must already be of type `str`"
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values, ))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0], ))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r' % (values[1], ))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError('errors must be a string, not %r' % (values[2]))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def _generate_next_value_(name, start, count, last_values):
        """
        Return the lower-cased version of the member name.
        """
        return name.lower()


def pickle_by_global_name(self, proto):
    # not for Flag classes: a composite has no global name
    return self.name
_reduce_ex_by_global_name = pickle_by_global_name


def pickle_by_enum_name(self, proto):
    # not for Flag classes: a composite has no name in the class
    return getattr, (self.__class__, self._name_)


# ---------------------------------------------------------------------------
# Flags

class FlagBoundary(StrEnum):
    """
    control how out of range values are handled
    "strict" -> error is raised             [default for Flag]
    "conform" -> extra bits are discarded
    "eject" -> lose flag status
    "keep" -> keep flag status and all bits [default for IntFlag]
    """
    STRICT = auto()
    CONFORM = auto()
    EJECT = auto()
    KEEP = auto()
STRICT, CONFORM, EJECT, KEEP = FlagBoundary


class Flag(Enum, boundary=STRICT):
    """
    Support for flags
    """

    _numeric_repr_ = repr

    def _generate_next_value_(name, start, count, last_values):
        """
        Generate the next value when not given.

        name: the name of the member
        start: the initial start value or None
        count: the number of existing members
        last_values: the last value assigned or None
        """
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        try:
            high_bit = _high_bit(last_value)
        except Exception:
            raise TypeError('invalid flag value %r' % last_value) from None
        return 2 ** (high_bit+1)

    @classmethod
    def _iter_member_by_value_(cls, value):
        """
        Extract all members from the value in definition (i.e. increasing value) order.
        """
        for val in _iter_bits_lsb(value & cls._flag_mask_):
            yield cls._value2member_map_.get(val)

    _iter_member_ = _iter_member_by_value_

    @classmethod
    def _iter_member_by_def_(cls, value):
        """
        Extract all members from the value in definition order.
        """
        yield from sorted(
                cls._iter_member_by_value_(value),
                key=lambda m: m._sort_order_,
                )

    @classmethod
    def _missing_(cls, value):
        """
        Create a composite member containing all canonical members present in `value`.

        If non-member values are present, result depends on `_boundary_` setting.
        """
        if not isinstance(value, int):
            raise ValueError(
                    "%r is not a valid %s" % (value, cls.__qualname__)
                    )
        flag_mask = cls._flag_mask_
        singles_mask = cls._singles_mask_
        all_bits = cls._all_bits_
        neg_value = None
        # In range means ~all_bits <= value <= all_bits, with no bit set that
        # no member has (if bit 2 is no member, 0b100 is out of range).
        if (not ~all_bits <= value <= all_bits
                or value & (all_bits ^ flag_mask)):
            boundary = cls._boundary_
            if boundary is STRICT:
                max_bits = max(value.bit_length(), flag_mask.bit_length())
                raise ValueError(
                        "%r invalid value %r\n    given %s\n  allowed %s" % (
                            cls, value, bin(value, max_bits), bin(flag_mask, max_bits),
                            ))
            elif boundary is CONFORM:
                value = value & flag_mask
            elif boundary is EJECT:
                return value
            elif boundary is KEEP:
                if value < 0:
                    value = max(all_bits + 1, 2 ** value.bit_length()) + value
            else:
                raise ValueError(
                        '%r unknown flag boundary %r' % (cls, cls._boundary_, )
                        )
        if value < 0:
            neg_value = value
            value = all_bits + 1 + value
        unknown = value & ~flag_mask
        aliases = value & ~singles_mask
        member_value = value & singles_mask
        if unknown and cls._boundary_ is not KEEP:
            raise ValueError(
                    '%s(%r) -->  unknown values %r [%s]'
                    % (cls.__name__, value, unknown, bin(unknown))
                    )
        # the pseudo-member standing for this combination
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        if not hasattr(pseudo_member, '_value_'):
            pseudo_member._value_ = value
        if member_value or aliases:
            pseudo_member._name_ = _flag_composite_name(cls, value, member_value, aliases)
        else:
            pseudo_member._name_ = None
        # Zero and every composite are remembered (setdefault: keep one made
        # meanwhile); a negative value maps to the same pseudo-member.
        pseudo_member = cls._value2member_map_.setdefault(value, pseudo_member)
        if neg_value is not None:
            cls._value2member_map_[neg_value] = pseudo_member
        return pseudo_member

    def __contains__(self, other):
        """
        Returns True if self has at least the same flags set as other.
        """
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r" % (
                    type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        """
        Returns flags in definition order.
        """
        yield from self._iter_member_(self._value_)

    def __len__(self):
        return self._value_.bit_count()

    def __repr__(self):
        cls_name = self.__class__.__name__
        v_repr = self.__class__._value_repr_ or repr
        if self._name_ is None:
            return "<%s: %s>" % (cls_name, v_repr(self._value_))
        return "<%s.%s: %s>" % (cls_name, self._name_, v_repr(self._value_))

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return "%s.%s" % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        other_value = _flag_operand(self, other)
        if other_value is None:
            return NotImplemented
        return self.__class__(self._value_ | other_value)

    def __and__(self, other):
        other_value = _flag_operand(self, other)
        if other_value is None:
            return NotImplemented
        return self.__class__(self._value_ & other_value)

    def __xor__(self, other):
        other_value = _flag_operand(self, other)
        if other_value is None:
            return NotImplemented
        return self.__class__(self._value_ ^ other_value)

    def __invert__(self):
        if self._inverted_ is None:
            if self._boundary_ in (EJECT, KEEP):
                self._inverted_ = self.__class__(~self._value_)
            else:
                # only the bits the members have
                self._inverted_ = self.__class__(self._singles_mask_ & ~self._value_)
        return self._inverted_

    __rand__ = __and__
    __ror__ = __or__
    __rxor__ = __xor__


def _flag_composite_name(cls, value, member_value, aliases):
    """The `A|B` name of a composite value: its single-bit members, then
    the multi-bit members it contains, then any bits left unnamed."""
    members = []
    combined_value = 0
    for m in cls._iter_member_(member_value):
        members.append(m)
        combined_value |= m._value_
    if aliases:
        value = member_value | aliases
        for m in cls._member_map_.values():
            if m not in members and m._value_ and m._value_ & value == m._value_:
                members.append(m)
                combined_value |= m._value_
    unknown = value ^ combined_value
    if not combined_value:
        return None
    name = '|'.join([m._name_ for m in members])
    if unknown and cls._boundary_ is STRICT:
        raise ValueError('%r: no members with value %r' % (cls, unknown))
    if unknown:
        name += '|%s' % cls._numeric_repr_(unknown)
    return name


def _flag_operand(self, other):
    """The int value of the other operand, or None if it is not one."""
    if isinstance(other, self.__class__):
        return other._value_
    if self._member_type_ is not object and isinstance(other, self._member_type_):
        return other
    return None


class IntFlag(int, ReprEnum, Flag, boundary=KEEP):
    """
    Support for integer-based Flags
    """


# ---------------------------------------------------------------------------
# Decorators and repr helpers

def unique(enumeration):
    """
    Class decorator for enumerations ensuring unique member values.
    """
    duplicates = _find_aliases(enumeration)
    if duplicates:
        raise ValueError('duplicate values found in %r: %s' %
                (enumeration, _alias_details(duplicates)))
    return enumeration


def global_enum_repr(self):
    """
    use module.enum_name instead of class.enum_name

    the module is the last module in case of a multi-module name
    """
    module = self.__class__.__module__.split('.')[-1]
    return '%s.%s' % (module, self._name_)


def global_flag_repr(self):
    """
    use module.flag_name instead of class.flag_name

    the module is the last module in case of a multi-module name
    """
    module = self.__class__.__module__.split('.')[-1]
    cls_name = self.__class__.__name__
    if self._name_ is None:
        return "%s.%s(%r)" % (module, cls_name, self._value_)
    if _is_single_bit(self):
        return '%s.%s' % (module, self._name_)
    if self._boundary_ is not FlagBoundary.KEEP:
        return '|'.join(['%s.%s' % (module, name) for name in self.name.split('|')])
    # KEEP: unnamed bits are shown as numbers, without the module
    return '|'.join([
            n if n[0].isdigit() else '%s.%s' % (module, n)
            for n in self._name_.split('|')
            ])


def global_str(self):
    """
    use enum_name instead of class.enum_name
    """
    if self._name_ is None:
        cls_name = self.__class__.__name__
        return "%s(%r)" % (cls_name, self._value_)
    return self._name_


def global_enum(cls, update_str=False):
    """
    decorator that makes the repr() of an enum member reference its module
    instead of its class; also exports all members to the enum's module's
    global namespace
    """
    if issubclass(cls, Flag):
        cls.__repr__ = global_flag_repr
    else:
        cls.__repr__ = global_enum_repr
    if not issubclass(cls, ReprEnum) or update_str:
        cls.__str__ = global_str
    sys.modules[cls.__module__].__dict__.update(cls.__members__)
    return cls


def _simple_enum(etype=Enum, *, boundary=None, use_args=None):
    """
    Class decorator that converts a normal class into an :class:`Enum`.  No
    safety checks are done, and some advanced behavior (such as
    :func:`__init_subclass__`) is not available.  Enum creation can be faster
    using :func:`simple_enum`.

        >>> from enum import Enum, _simple_enum
        >>> @_simple_enum(Enum)
        ... class Color:
        ...     RED = auto()
        ...     GREEN = auto()
        ...     BLUE = auto()
        >>> Color
        <enum 'Color'>
        >>> Color.GREEN
        <Color.GREEN: 2>
    """
    def convert_class(cls):
        nonlocal use_args
        cls_name = cls.__name__
        if use_args is None:
            use_args = etype._use_args_
        __new__ = cls.__dict__.get('__new__')
        if __new__ is not None:
            new_member = __new__.__func__
        else:
            new_member = etype._member_type_.__new__
        # The class dict an Enum class statement would give, without the
        # members: those are added afterwards.
        attrs = {}
        body = {}
        if __new__ is not None:
            body['__new_member__'] = new_member
        body['_new_member_'] = new_member
        body['_use_args_'] = use_args
        body['_generate_next_value_'] = gnv = etype._generate_next_value_
        body['_member_names_'] = member_names = []
        body['_member_map_'] = member_map = {}
        body['_value2member_map_'] = value2member_map = {}
        body['_unhashable_values_'] = []
        body['_member_type_'] = member_type = etype._member_type_
        body['_value_repr_'] = etype._value_repr_
        is_flag = issubclass(etype, Flag)
        if is_flag:
            body['_boundary_'] = boundary or etype._boundary_
            body['_flag_mask_'] = None
            body['_all_bits_'] = None
            body['_singles_mask_'] = None
            body['_inverted_'] = None
            for name in ('__or__', '__xor__', '__and__',
                         '__ror__', '__rxor__', '__rand__', '__invert__'):
                body[name] = Flag.__dict__[name]
        for name, obj in cls.__dict__.items():
            if name in ('__dict__', '__weakref__'):
                continue
            if (_is_dunder(name) or _is_private(cls_name, name)
                    or _is_sunder(name) or _is_descriptor(obj)):
                body[name] = obj
            else:
                attrs[name] = obj
        if cls.__dict__.get('__doc__') is None:
            body['__doc__'] = 'An enumeration.'
        enum_class = type(cls_name, (etype, ), body, boundary=boundary, _simple=True)
        # the enum versions of these, unless the data type's would be used
        for name in ('__repr__', '__str__', '__format__', '__reduce_ex__'):
            if name not in body:
                found_method = getattr(enum_class, name)
                if found_method in (getattr(member_type, name), getattr(object, name)):
                    setattr(enum_class, name, getattr(etype, name))
        #
        gnv_last_values = []
        single_bits = multi_bits = 0
        for name, value in attrs.items():
            if isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = gnv(name, 1, len(member_names), gnv_last_values)
                value = value.value
            redirect = property()
            redirect.__set_name__(enum_class, name)
            setattr(enum_class, name, redirect)
            if value in value2member_map:
                # an alias
                member_map[name] = value2member_map[value]
                continue
            if use_args:
                if not isinstance(value, tuple):
                    value = (value, )
                member = new_member(enum_class, *value)
                value = value[0]
            else:
                member = new_member(enum_class)
            if __new__ is None:
                member._value_ = value
            member._name_ = name
            member.__objclass__ = enum_class
            member.__init__(value)
            member._sort_order_ = len(member_names)
            member_map[name] = member
            value2member_map[value] = member
            gnv_last_values.append(value)
            if is_flag and not _is_single_bit(value):
                # a multi-bit flag: not iterated over
                multi_bits |= value
            else:
                member_names.append(name)
                single_bits |= value if is_flag else 0
        if is_flag:
            enum_class._flag_mask_ = single_bits | multi_bits
            enum_class._singles_mask_ = single_bits
            enum_class._all_bits_ = 2 ** ((single_bits | multi_bits).bit_length()) - 1
            member_list = [m._value_ for m in enum_class]
            if member_list != sorted(member_list):
                enum_class._iter_member_ = enum_class._iter_member_by_def_
        if '__new__' in body:
            enum_class.__new_member__ = enum_class.__new__
        enum_class.__new__ = Enum.__new__
        return enum_class
    return convert_class


@_simple_enum(StrEnum)
class EnumCheck:
    """
    various conditions to check an enumeration for
    """
    CONTINUOUS = "no skipped integer values"
    NAMED_FLAGS = "multi-flag aliases may not contain unnamed flags"
    UNIQUE = "one name per value"
CONTINUOUS, NAMED_FLAGS, UNIQUE = EnumCheck


class verify:
    """
    Check an enumeration for various constraints. (see EnumCheck)
    """
    def __init__(self, *checks):
        self.checks = checks

    def __call__(self, enumeration):
        if Flag is not None and issubclass(enumeration, Flag):
            enum_type = 'flag'
        elif issubclass(enumeration, Enum):
            enum_type = 'enum'
        else:
            raise TypeError("the 'verify' decorator only works with Enum and Flag")
        for check in self.checks:
            if check is UNIQUE:
                _verify_unique(enumeration)
            elif check is CONTINUOUS:
                _verify_continuous(enumeration, enum_type)
            elif check is NAMED_FLAGS:
                _verify_named_flags(enumeration)
        return enumeration


def _verify_unique(enumeration):
    duplicates = _find_aliases(enumeration)
    if duplicates:
        raise ValueError('aliases found in %r: %s' %
                (enumeration, _alias_details(duplicates)))


def _verify_continuous(enumeration, enum_type):
    values = set(e.value for e in enumeration)
    if len(values) < 2:
        return
    low, high = min(values), max(values)
    if enum_type == 'flag':
        # every power of two between the lowest and the highest
        expected = (2**i for i in range(_high_bit(low)+1, _high_bit(high)))
    else:
        # every integer between the lowest and the highest
        expected = range(low+1, high)
    missing = [v for v in expected if v not in values]
    if missing:
        # the length limit guards against huge messages
        raise ValueError(('invalid %s %r: missing values %s' % (
                enum_type, enumeration.__name__,
                ', '.join((str(m) for m in missing)))
                )[:256])


def _verify_named_flags(enumeration):
    # each multi-bit alias may only contain bits that members have
    member_names = enumeration._member_names_
    member_values = [m.value for m in enumeration]
    missing_names = []
    missing_value = 0
    for name, alias in enumeration._member_map_.items():
        if name in member_names or alias.value < 0:
            # not an alias, or negative (not checked)
            continue
        missed = [v for v in _iter_bits_lsb(alias.value) if v not in member_values]
        if missed:
            missing_names.append(name)
            for v in missed:
                missing_value |= v
    if not missing_names:
        return
    if len(missing_names) == 1:
        alias = 'alias %s is missing' % missing_names[0]
    else:
        alias = 'aliases %s and %s are missing' % (
                ', '.join(missing_names[:-1]), missing_names[-1]
                )
    if _is_single_bit(missing_value):
        value = 'value 0x%x' % missing_value
    else:
        value = 'combined values of 0x%x' % missing_value
    raise ValueError(
            'invalid Flag %r: %s %s [use enum.show_flag_values(value) for details]'
            % (enumeration.__name__, alias, value)
            )


# ---------------------------------------------------------------------------
# Checking a _simple_enum class against its class-statement twin

def _test_simple_enum(checked_enum, simple_enum):
    """
    Raise TypeError if `simple_enum` (made with :func:`_simple_enum`) differs
    from `checked_enum` (made with a class statement): in class attributes, in
    members' attributes, or in the repr/str/pickle methods they inherit.

        >>> from enum import Enum, _simple_enum, _test_simple_enum
        >>> @_simple_enum(Enum)
        ... class Color:
        ...     RED = auto()
        ...     GREEN = auto()
        ...     BLUE = auto()
        >>> class CheckedColor(Enum):
        ...     RED = auto()
        ...     GREEN = auto()
        ...     BLUE = auto()
        >>> _test_simple_enum(CheckedColor, Color)
    """
    failed = []
    if checked_enum.__dict__ != simple_enum.__dict__:
        checked_dict = checked_enum.__dict__
        simple_dict = simple_enum.__dict__
        member_names = set(checked_enum._member_map_) | set(simple_enum._member_map_)
        failed.extend(_compare_class_dicts(checked_dict, simple_dict, member_names))
        for name in member_names:
            if name not in simple_dict:
                failed.append('missing member from simple enum: %r' % name)
            elif name not in checked_dict:
                failed.append('extra member in simple enum: %r' % name)
            else:
                failed_member = _compare_member_dicts(
                        name, checked_enum[name].__dict__, simple_enum[name].__dict__)
                if failed_member:
                    failed.append('%r member mismatch:\n      %s' % (
                            name, '\n      '.join(failed_member),
                            ))
        failed.extend(_compare_inherited_methods(
                checked_enum, simple_enum, checked_dict, simple_dict))
    if failed:
        raise TypeError('enum mismatch:\n   %s' % '\n   '.join(failed))


def _mismatch(key, checked, simple, checked_label, simple_label):
    return "%r:\n         %s\n         %s" % (
            key,
            "%s -> %r" % (checked_label, checked),
            "%s -> %r" % (simple_label, simple),
            )


def _compare_class_dicts(checked_dict, simple_dict, member_names):
    """Differences between two enum class dicts, sorted; members are left to
    _compare_member_dicts, callables and properties are not compared."""
    failed = []
    for key in set(checked_dict) | set(simple_dict):
        if key in ('__module__', '_member_map_', '_value2member_map_', '__doc__'):
            # known to differ, or too long to show
            continue
        if key in member_names:
            continue
        if key not in simple_dict:
            failed.append("missing key: %r" % (key, ))
        elif key not in checked_dict:
            failed.append("extra key:   %r" % (key, ))
        else:
            checked_value = checked_dict[key]
            simple_value = simple_dict[key]
            if callable(checked_value) or isinstance(checked_value, bltns.property):
                continue
            if checked_value != simple_value:
                failed.append(_mismatch(key, checked_value, simple_value,
                                        "checked", "simple "))
    failed.sort()
    return failed


def _compare_member_dicts(name, checked_dict, simple_dict):
    failed = []
    for key in set(checked_dict) | set(simple_dict):
        if key in ('__module__', '__objclass__', '_inverted_'):
            # known to differ, or absent
            continue
        if key not in simple_dict:
            failed.append("missing key %r not in the simple enum member %r" % (key, name))
        elif key not in checked_dict:
            failed.append("extra key %r in simple enum member %r" % (key, name))
        elif checked_dict[key] != simple_dict[key]:
            failed.append(_mismatch(key, checked_dict[key], simple_dict[key],
                                    "checked member", "simple member "))
    return failed


def _compare_inherited_methods(checked_enum, simple_enum, checked_dict, simple_dict):
    """The repr/str/format/pickle methods neither class defines itself must be
    the same inherited ones (one defining and one not shows up as a key
    difference already)."""
    failed = []
    for method in (
            '__str__', '__repr__', '__reduce_ex__', '__format__',
            '__getnewargs_ex__', '__getnewargs__', '__reduce_ex__', '__reduce__'
        ):
        if method in simple_dict or method in checked_dict:
            continue
        checked_method = getattr(checked_enum, method, None)
        simple_method = getattr(simple_enum, method, None)
        if hasattr(checked_method, '__func__'):
            checked_method = checked_method.__func__
            simple_method = simple_method.__func__
        if checked_method != simple_method:
            failed.append("%r:  %-30s %s" % (
                    method,
                    "checked -> %r" % (checked_method, ),
                    "simple -> %r" % (simple_method, ),
                    ))
    return failed


def _old_convert_(etype, name, module, filter, source=None, *, boundary=None):
    """
    Create a new Enum subclass that replaces a collection of global constants
    """
    members = _select_constants(sys.modules[module].__dict__, filter, source)
    return etype(name, members, module=module, boundary=boundary or KEEP)


_stdlib_enums = IntEnum, StrEnum, IntFlag
