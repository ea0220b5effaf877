"""scikit-learn reference for bench-kmeans.ts.

    /usr/bin/python3 kmeans.py POINTS_FILE N D K REPS INIT_FILE

POINTS_FILE holds N x D float64 values (row-major), INIT_FILE K x D float64 starting centroids (the
k-means++ seeds lib/reco/kmeans.ts drew). Times REPS fits of KMeans(k, init="k-means++", n_init=1,
algorithm="lloyd") after one warm-up (scikit-learn's own seeding: the same greedy rule with 2 + ln k
candidates per step, its own random numbers), then runs Lloyd REPS times from INIT_FILE, the float64
Lloyd run our inertia must match (same iterations as ours), and times scikit-learn's own k-means++
seeding alone (sklearn.cluster.kmeans_plusplus, what KMeans runs first) REPS times: seeding plus Lloyd
from our seeds is the same work as our fit, iteration for iteration. Prints one JSON line.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.cluster import KMeans, kmeans_plusplus
from threadpoolctl import threadpool_info


def main():
    path, n, d, k, reps, init_path = sys.argv[1:7]
    n, d, k, reps = int(n), int(d), int(k), int(reps)
    x = np.fromfile(path, dtype=np.float64).reshape(n, d)
    init = np.fromfile(init_path, dtype=np.float64).reshape(k, d)
    KMeans(k, init="k-means++", n_init=1, algorithm="lloyd", random_state=0).fit(x)  # warm-up
    times, inertias, iters = [], [], []
    for rep in range(reps):
        t = time.perf_counter()
        km = KMeans(k, init="k-means++", n_init=1, algorithm="lloyd", random_state=rep).fit(x)
        times.append(time.perf_counter() - t)
        inertias.append(float(km.inertia_))
        iters.append(int(km.n_iter_))
    same_seconds = []
    for rep in range(reps):
        t = time.perf_counter()
        same = KMeans(k, init=init, n_init=1, algorithm="lloyd").fit(x)
        same_seconds.append(time.perf_counter() - t)
    seed_seconds = []
    for rep in range(reps):
        t = time.perf_counter()
        kmeans_plusplus(x, k, random_state=rep)
        seed_seconds.append(time.perf_counter() - t)
    threads = {i["user_api"]: i["num_threads"] for i in threadpool_info()}
    print(json.dumps({
        "seconds": times, "inertia": inertias, "iterations": iters,
        "same_init": {"inertia": float(same.inertia_), "iterations": int(same.n_iter_), "seconds": same_seconds},
        "seeding_seconds": seed_seconds, "threads": threads, "sklearn": sklearn.__version__,
    }))


if __name__ == "__main__":
    main()
