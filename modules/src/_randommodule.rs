//! The `_random` module: the Mersenne Twister generator under `random.Random`.
//! Mirrors Modules/_randommodule.c (CPython 3.11).
//!
//! The generator is MT19937 (Matsumoto and Nishimura's reference algorithm, period
//! 2**19937-1): seeding, tempering and the 53-bit `random()` give exactly CPython's
//! sequences for the same seed. `seed(None)` reads 624 words from the OS
//! (`getrandom`), falling back to the time and process id.
//!
//! Differences from CPython: none visible.

use std::cell::Cell;
use std::mem::size_of;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use include::cpython::object::flags::Py_TPFLAGS_BASETYPE;
use include::methodobject::{PyCFunction, PyMethodDef};

use objects::call::kwnames_len;
use objects::floatobject::PyFloat_FromDouble;
use objects::getargs::check_positional;
use objects::longobject::{PyLongObject, PyLong_FromBigInt, PyLong_FromLong, PyLong_FromU64};
use objects::moduleobject::{
    PyModuleObject, PyModule_AddFunctions, PyModule_AddObject, PyModule_New,
};
use objects::object::{none, PyObject_Hash, Py_None};
use objects::obmalloc::{alloc_object, dealloc_object, PyObject_HEAD_INIT};
use objects::prelude::*;
use objects::r#abstract::PyNumber_Index;
use objects::tupleobject::{PyTupleObject, PyTuple_New};
use objects::typeobject::{PyType_Ready, PyType_Type};
use objects::unicodeobject::PyUnicode_FromString;

// The period parameters of MT19937.
const N: usize = 624;
const M: usize = 397;
/// The constant vector a.
const MATRIX_A: u32 = 0x9908_b0df;
/// The most significant w-r bits.
const UPPER_MASK: u32 = 0x8000_0000;
/// The least significant r bits.
const LOWER_MASK: u32 = 0x7fff_ffff;

/// `RandomObject`: the generator's 624 words and the index of the next one.
#[repr(C)]
pub struct RandomObject {
    pub ob_base: PyObject,
    index: Cell<usize>,
    state: PyCell<[u32; N]>,
}

// SAFETY: `#[repr(C)]` with the header first.
unsafe impl PyObjectLayout for RandomObject {}

fn as_random(obj: &PyObject) -> &RandomObject {
    // SAFETY: the methods are only called on instances of `Random` or subclasses.
    unsafe { &*(obj as *const PyObject as *const RandomObject) }
}

impl RandomObject {
    /// `genrand_uint32`: the next 32 random bits, regenerating the whole state every
    /// 624 words.
    fn genrand_uint32(&self) -> u32 {
        // SAFETY: no Python code runs while the state is borrowed.
        let mt = unsafe { self.state.get_mut() };
        let mag01 = [0u32, MATRIX_A];
        if self.index.get() >= N {
            let mut kk = 0;
            while kk < N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[(y & 1) as usize];
                kk += 1;
            }
            while kk < N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01[(y & 1) as usize];
                kk += 1;
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[(y & 1) as usize];
            self.index.set(0);
        }
        let i = self.index.get();
        let mut y = mt[i];
        self.index.set(i + 1);
        // Tempering.
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `init_genrand`: fill the state from one 32-bit seed.
    fn init_genrand(&self, s: u32) {
        // SAFETY: no Python code runs while the state is borrowed.
        let mt = unsafe { self.state.get_mut() };
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.index.set(N);
    }

    /// `init_by_array`: fill the state from a key of any length.
    fn init_by_array(&self, init_key: &[u32]) {
        self.init_genrand(19_650_218);
        // SAFETY: no Python code runs while the state is borrowed.
        let mt = unsafe { self.state.get_mut() };
        let key_length = init_key.len();
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key_length) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(init_key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key_length {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        // The most significant bit is 1, so the initial state is never all zero.
        mt[0] = 0x8000_0000;
    }

    /// `random_seed_urandom`: seed from 624 words of OS randomness.
    fn seed_urandom(&self) -> bool {
        let mut key = [0u32; N];
        let len = size_of::<[u32; N]>();
        let mut filled = 0usize;
        while filled < len {
            // SAFETY: the destination is the unfilled tail of `key`.
            let n = unsafe {
                libc::getrandom(
                    (key.as_mut_ptr() as *mut u8).add(filled) as *mut libc::c_void,
                    len - filled,
                    0,
                )
            };
            if n < 0 {
                if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                    continue;
                }
                return false;
            }
            filled += n as usize;
        }
        self.init_by_array(&key);
        true
    }

    /// `random_seed_time_pid`: the fallback seed.
    fn seed_time_pid(&self) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0);
        let pid = std::process::id();
        let mono = std::time::Instant::now().elapsed().as_nanos() as u64;
        let key = [
            now as u32,
            (now >> 32) as u32,
            pid,
            mono as u32,
            (mono >> 32) as u32,
        ];
        self.init_by_array(&key);
    }
}

/// `random_seed`: seed from None (the OS), an int (its absolute value's 32-bit words,
/// least significant first) or any hashable object (its hash as an unsigned word).
fn random_seed(obj: &PyObject, arg: Option<&PyObject>) -> PyResult<()> {
    let this = as_random(obj);
    let n: BigInt = match arg {
        None => {
            if !this.seed_urandom() {
                this.seed_time_pid();
            }
            return Ok(());
        }
        Some(a) if a.is(Py_None()) => {
            if !this.seed_urandom() {
                this.seed_time_pid();
            }
            return Ok(());
        }
        // int.__abs__ itself, never a subclass's override.
        Some(a) => match a.downcast_ref::<PyLongObject>() {
            Some(l) => l.to_bigint().abs(),
            None => BigInt::from(PyObject_Hash(a)? as u64),
        },
    };
    let mut key: Vec<u32> = n.magnitude().to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    this.init_by_array(&key);
    Ok(())
}

fn random_new(tp: &PyTypeObject, _args: &[PyObjectRef], _kwnames: Option<&PyObject>) -> PyResult {
    // SAFETY: `tp` is `Random` or a subclass; the rest of a subclass instance is zeroed.
    let obj = unsafe {
        alloc_object(
            tp,
            RandomObject {
                ob_base: PyObject_HEAD_INIT,
                index: Cell::new(N + 1),
                state: PyCell::new([0; N]),
            },
        )
    };
    Ok(obj.into_object())
}

/// `random_init`: `Random(seed=None)`; keywords are refused unless a subclass has an
/// `__init__` of its own.
fn random_init(obj: &PyObject, args: &[PyObjectRef], kwnames: Option<&PyObject>) -> PyResult<()> {
    let nkw = kwnames.map_or(0, kwnames_len);
    let tp = obj.ob_type();
    let mine: include::cpython::object::slots::initproc = random_init;
    let own_init = std::ptr::eq(tp, &Random_Type)
        || tp.tp_init.get().map(|f| f as usize) == Some(mine as usize);
    if own_init && nkw > 0 {
        return Err(type_error("Random() takes no keyword arguments"));
    }
    let nargs = args.len() - nkw;
    if nargs > 1 {
        return Err(type_error("Random() requires 0 or 1 argument"));
    }
    random_seed(obj, if nargs == 1 { Some(&args[0]) } else { None })
}

unsafe fn random_dealloc(op: *mut PyObject) {
    // SAFETY: `op` is a dead Random.
    unsafe { dealloc_object::<RandomObject>(op) }
}

/// `Random.random()`: a float in [0, 1) from 53 random bits (27 + 26), as
/// Matsumoto and Nishimura's `genrand_res53`.
fn _random_Random_random(obj: &PyObject) -> PyResult {
    let this = as_random(obj);
    let a = this.genrand_uint32() >> 5;
    let b = this.genrand_uint32() >> 6;
    Ok(PyFloat_FromDouble(
        (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0),
    ))
}

/// `Random.seed(n=None, /)`.
fn _random_Random_seed(obj: &PyObject, args: &[PyObjectRef]) -> PyResult {
    check_positional("seed", args.len(), 0, 1)?;
    random_seed(obj, args.first().map(|a| &**a))?;
    Ok(none())
}

/// `Random.getstate()`: the 624 words and the index, as a tuple of ints.
fn _random_Random_getstate(obj: &PyObject) -> PyResult {
    let this = as_random(obj);
    // SAFETY: no Python code runs while the state is borrowed.
    let mt = unsafe { this.state.get_ref() };
    let mut items: Vec<PyObjectRef> = mt.iter().map(|&w| PyLong_FromLong(i64::from(w))).collect();
    items.push(PyLong_FromLong(this.index.get() as i64));
    Ok(PyTuple_New(items).into_object())
}

/// `PyLong_AsUnsignedLong` for a state word.
fn state_word(obj: &PyObject) -> PyResult<u64> {
    let Some(l) = obj.downcast_ref::<PyLongObject>() else {
        return Err(type_error("an integer is required"));
    };
    if l.is_negative() {
        return Err(overflow_error(
            "can't convert negative value to unsigned int",
        ));
    }
    l.to_bigint()
        .to_u64()
        .ok_or_else(|| overflow_error("Python int too large to convert to C unsigned long"))
}

/// `Random.setstate(state, /)`.
fn _random_Random_setstate(obj: &PyObject, state: &PyObject) -> PyResult {
    let Some(t) = state.downcast_ref::<PyTupleObject>() else {
        return Err(type_error("state vector must be a tuple"));
    };
    let items = t.as_slice();
    if items.len() != N + 1 {
        return Err(value_error("state vector is the wrong size"));
    }
    let mut new_state = [0u32; N];
    for (slot, item) in new_state.iter_mut().zip(items) {
        *slot = state_word(item)? as u32;
    }
    // PyLong_AsLong for the index.
    let index = match items[N].downcast_ref::<PyLongObject>() {
        Some(l) => l.as_i64(),
        None => {
            let idx = PyNumber_Index(&items[N])?;
            idx.downcast_ref::<PyLongObject>().and_then(|l| l.as_i64())
        }
    };
    let Some(index) = index else {
        return Err(overflow_error("Python int too large to convert to C long"));
    };
    if !(0..=N as i64).contains(&index) {
        return Err(value_error("invalid state"));
    }
    let this = as_random(obj);
    this.state.set(new_state);
    this.index.set(index as usize);
    Ok(none())
}

/// `Random.getrandbits(k, /)`: an int with `k` random bits, filled 32 bits at a time
/// from the least significant word up.
fn _random_Random_getrandbits(obj: &PyObject, arg: &PyObject) -> PyResult {
    let idx = PyNumber_Index(arg)?;
    let k = idx
        .downcast_ref::<PyLongObject>()
        .and_then(|l| l.as_i64())
        .and_then(|v| i32::try_from(v).ok())
        .ok_or_else(|| overflow_error("Python int too large to convert to C int"))?;
    if k < 0 {
        return Err(value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(PyLong_FromLong(0));
    }
    let this = as_random(obj);
    if k <= 32 {
        return Ok(PyLong_FromLong(i64::from(
            this.genrand_uint32() >> (32 - k),
        )));
    }
    let words = ((k - 1) / 32 + 1) as usize;
    let mut digits = Vec::with_capacity(words);
    let mut remaining = k;
    for _ in 0..words {
        let mut r = this.genrand_uint32();
        if remaining < 32 {
            // Drop the least significant bits of the last word.
            r >>= 32 - remaining;
        }
        digits.push(r);
        remaining -= 32;
    }
    if words <= 2 {
        let v = u64::from(digits[0]) | (u64::from(digits.get(1).copied().unwrap_or(0)) << 32);
        return Ok(PyLong_FromU64(v));
    }
    Ok(PyLong_FromBigInt(BigInt::from(num_bigint::BigUint::new(
        digits,
    ))))
}

static RANDOM_METHODS: [PyMethodDef; 5] = [
    PyMethodDef::new(
        "random",
        PyCFunction::NoArgs(_random_Random_random),
        "random($self, /)\n--\n\nrandom() -> x in the interval [0, 1).",
    ),
    PyMethodDef::new(
        "seed",
        PyCFunction::Fast(_random_Random_seed),
        "seed($self, n=None, /)\n--\n\nseed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier.",
    ),
    PyMethodDef::new(
        "getstate",
        PyCFunction::NoArgs(_random_Random_getstate),
        "getstate($self, /)\n--\n\ngetstate() -> tuple containing the current state.",
    ),
    PyMethodDef::new(
        "setstate",
        PyCFunction::O(_random_Random_setstate),
        "setstate($self, state, /)\n--\n\nsetstate(state) -> None.  Restores generator state.",
    ),
    PyMethodDef::new(
        "getrandbits",
        PyCFunction::O(_random_Random_getrandbits),
        "getrandbits($self, k, /)\n--\n\ngetrandbits(k) -> x.  Generates an int with k random bits.",
    ),
];

pub static Random_Type: PyTypeObject = PyTypeObject {
    ob_base: PyObject::new_static(&PyType_Type),
    tp_name: "_random.Random",
    tp_basicsize: Cell::new(size_of::<RandomObject>()),
    tp_dealloc: slot(random_dealloc),
    tp_flags: Cell::new(Py_TPFLAGS_BASETYPE),
    tp_doc: Some("Random() -> create a random number generator with its own internal state."),
    tp_methods: &RANDOM_METHODS,
    tp_init: slot(random_init),
    tp_new: slot(random_new),
    ..PyTypeObject::DEFAULT
};

static RANDOM_FUNCTIONS: [PyMethodDef; 0] = [];

/// Make the `_random` module (`PyInit__random`).
pub fn PyInit__random() -> PyResult<PyRef<PyModuleObject>> {
    PyType_Ready(&Random_Type)?;
    let m = PyModule_New("_random")?;
    PyModule_AddFunctions(&m, &RANDOM_FUNCTIONS)?;
    PyModule_AddObject(
        &m,
        "__doc__",
        &PyUnicode_FromString("Module implements the Mersenne Twister random number generator."),
    )?;
    PyModule_AddObject(&m, "Random", Random_Type.as_object())?;
    Ok(m)
}
