"""The NumPy side of `npm run bench:scale`: the same network, data and parameters, in vectorized NumPy.

Reads one JSON job on stdin and prints one JSON result. Two jobs:
- {"job": "train", ...}: full-batch delta-rule epochs of a 2-H-H-1 sigmoid network with biases, tutorial 2's
  update with biases added; prints the milliseconds per epoch and the final parameters.
- {"job": "predict", ...}: the outputs for a batch of inputs, repeated; prints the milliseconds per batch.
The caller sets one BLAS thread (OPENBLAS_NUM_THREADS=1 and the like).
"""

import json
import sys
import time

import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def train(job):
    x = np.array(job["inputs"], dtype=float)
    y = np.array(job["labels"], dtype=float).reshape(-1, 1)
    w = [np.array(m, dtype=float) for m in job["weights"]]
    b = [np.array(v, dtype=float) for v in job["biases"]]
    eta = job["learnRate"]

    def epoch():
        a1 = sigmoid(np.dot(x, w[0]) + b[0])
        a2 = sigmoid(np.dot(a1, w[1]) + b[1])
        a3 = sigmoid(np.dot(a2, w[2]) + b[2])
        d3 = (y - a3) * (a3 * (1 - a3))
        d2 = np.dot(d3, w[2].T) * (a2 * (1 - a2))
        d1 = np.dot(d2, w[1].T) * (a1 * (1 - a1))
        w[2] += eta * np.dot(a2.T, d3)
        b[2] += eta * d3.sum(axis=0)
        w[1] += eta * np.dot(a1.T, d2)
        b[1] += eta * d2.sum(axis=0)
        w[0] += eta * np.dot(x.T, d1)
        b[0] += eta * d1.sum(axis=0)

    start = time.perf_counter()
    for _ in range(job["epochs"]):
        epoch()
    ms = (time.perf_counter() - start) * 1000
    return {"msPerEpoch": ms / job["epochs"], "weights": [m.tolist() for m in w], "biases": [v.tolist() for v in b]}


def predict(job):
    x = np.array(job["inputs"], dtype=float).reshape(-1, 2)
    w = [np.array(m, dtype=float) for m in job["weights"]]
    b = [np.array(v, dtype=float) for v in job["biases"]] if job["biases"] else [0.0] * len(w)
    functions = {"sigmoid": sigmoid, "tanh": np.tanh}
    f = [functions[name] for name in job["activations"]]

    def outputs():
        a = x
        for layer in range(len(w)):
            a = f[layer](np.dot(a, w[layer]) + b[layer])
        return a

    outputs()
    start = time.perf_counter()
    for _ in range(job["repeats"]):
        out = outputs()
    ms = (time.perf_counter() - start) * 1000
    return {"msPerBatch": ms / job["repeats"], "first": float(out[0, 0])}


def main():
    job = json.load(sys.stdin)
    result = train(job) if job["job"] == "train" else predict(job)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
