"""Item-kNN reference for bench-knn.ts: shrunk cosine over a dense item x item matrix (numpy/scipy).

    /usr/bin/python3 knn.py RATINGS_FILE N_USERS N_ITEMS K SHRINK TOP REPS OUT_FILE

Same model as lib/reco/cf.ts itemKnn: sim(i, j) = x_i . x_j / (|x_i| |x_j| + shrink) over item columns of
the users x items rating matrix, self excluded, the k best per item kept (only similarities > 0, ties to the
lower index), score(u, j) = sum_i x[u, i] * W[i, j], the user's rated items excluded, top TOP per user
(ties to the lower index). Times REPS fits + rankings and prints one JSON line; the lists of the last run
go to OUT_FILE (int32, users x TOP, -1 padded) for the agreement check.
"""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp
from threadpoolctl import threadpool_info


def top_rows(m, k):
    """Column ids of the k largest entries per row, best first, ties to the lower column id."""
    n_rows, n_cols = m.shape
    k = min(k, n_cols)
    kth = np.partition(m, n_cols - k, axis=1)[:, n_cols - k]
    gt = m > kth[:, None]
    eq = m == kth[:, None]
    need = k - gt.sum(axis=1)
    sel = gt | (eq & (np.cumsum(eq, axis=1) <= need[:, None]))
    rows, cols = np.nonzero(sel)
    vals = m[rows, cols]
    order = np.lexsort((cols, -vals, rows))
    return rows[order], cols[order], vals[order]


def fit_and_rank(x, k, shrink, top):
    dense = x.toarray()
    gram = dense.T @ dense  # item x item co-rating dot products (BLAS)
    norms = np.sqrt(np.diag(gram))
    sim = gram / (np.outer(norms, norms) + shrink)
    np.fill_diagonal(sim, 0.0)
    rows, cols, vals = top_rows(sim, k)
    keep = vals > 0
    w = sp.csr_matrix((vals[keep], (rows[keep], cols[keep])), shape=sim.shape)
    scores = (x @ w).toarray()
    scores[x.nonzero()] = -np.inf
    _, cols, _ = top_rows(scores, top)
    return cols.reshape(x.shape[0], -1)


def main():
    path, n_users, n_items, k, shrink, top, reps, out = sys.argv[1:9]
    n_users, n_items, k, top, reps = int(n_users), int(n_items), int(k), int(top), int(reps)
    shrink = float(shrink)
    raw = np.loadtxt(path, dtype=np.int64, usecols=(0, 1, 2))
    x = sp.csr_matrix((raw[:, 2].astype(np.float64), (raw[:, 0] - 1, raw[:, 1] - 1)), shape=(n_users, n_items))
    x.sort_indices()
    fit_and_rank(x, k, shrink, top)  # warm-up: imports, BLAS threads, allocator
    times = []
    lists = None
    for _ in range(reps):
        t = time.perf_counter()
        lists = fit_and_rank(x, k, shrink, top)
        times.append(time.perf_counter() - t)
    lists.astype(np.int32).tofile(out)
    threads = {i["user_api"]: i["num_threads"] for i in threadpool_info()}
    print(json.dumps({"seconds": times, "threads": threads, "numpy": np.__version__, "scipy": sp.__name__ and __import__("scipy").__version__}))


if __name__ == "__main__":
    main()
