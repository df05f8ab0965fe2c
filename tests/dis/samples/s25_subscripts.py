"""Subscripts and slices: load, store, delete, extended slices."""


def get(seq, i):
    return seq[i], seq[-1], seq[i:], seq[:i], seq[1:i:2], seq[::-1]


def put(seq, i, v):
    seq[i] = v
    seq[1:3] = [v, v]
    seq[::2] = seq[::2]
    return seq


def drop(seq, d):
    del seq[0]
    del seq[1:2]
    del d["key"]


def multi_dim(grid, i, j):
    grid[i, j] = grid[i, j + 1]
    return grid[i:j, ...]


def augmented(seq, i):
    seq[i] += 1
    seq[i:i + 1] *= 2
    return seq


def warmup():
    get([1, 2, 3, 4], 2)
    put([1, 2, 3, 4], 0, 9)
    augmented([1, 2, 3], 1)
