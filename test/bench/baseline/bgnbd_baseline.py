"""Timing baseline for the churn bench: a RE-IMPLEMENTATION of how lifetimes 0.11 fits the BG/NBD model.

NOT lifetimes itself (PyPI is not reachable here, and lifetimes/autograd are not installed). Written from the
published model and lifetimes' documented fitting procedure, not from its code:
  - negative log-likelihood: minus the mean over customers of the BG/NBD log-likelihood of Fader, Hardie & Lee (2005)
    (A1 + A2 + ln(exp(A3) + [x>0] exp(A4)), as in references.md), on log-parameters;
  - times multiplied by 1 / max(T) before the fit, alpha divided back after;
  - start 0.1 * ones(4) in log space; scipy.optimize.minimize, default method for an unconstrained problem with a
    gradient (BFGS), tol 1e-7, maxiter 2000; and, as a second variant, method 'Nelder-Mead';
  - every customer row is evaluated (no compression to unique triples), as lifetimes does without weights;
  - the Hessian at the optimum afterwards (lifetimes: autograd's exact Hessian; here central differences of the
    gradient, 8 gradient evaluations).
The gradient is hand-written numpy (lifetimes uses autograd, which is slower), so this baseline is, if anything,
faster than lifetimes: the speed-up measured against it is conservative.

Usage: python3 bgnbd_baseline.py customers.csv [repeats]   (header with frequency,recency,T) -> one JSON object on stdout.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import gammaln, digamma


def negative_log_likelihood(log_params, x, tx, T):
    r, alpha, a, b = np.exp(log_params)
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    a3 = -(r + x) * np.log(alpha + T)
    a4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(alpha + tx)
    m = np.maximum(a3, a4)
    ll = a1 + a2 + m + np.log(np.exp(a3 - m) + (x > 0) * np.exp(a4 - m))
    return -ll.mean()


def value_and_gradient(log_params, x, tx, T):
    r, alpha, a, b = np.exp(log_params)
    repeat = x > 0
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    log_age = np.log(alpha + T)
    log_rec = np.log(alpha + tx)
    b_term = b + np.maximum(x, 1) - 1
    a3 = -(r + x) * log_age
    a4 = np.log(a) - np.log(b_term) - (r + x) * log_rec
    m = np.maximum(a3, np.where(repeat, a4, -np.inf))
    e3 = np.exp(a3 - m)
    e4 = np.where(repeat, np.exp(a4 - m), 0.0)
    total = e3 + e4
    ll = a1 + a2 + m + np.log(total)
    w3 = e3 / total
    w4 = e4 / total
    d_r = digamma(r + x) - digamma(r) + np.log(alpha) - w3 * log_age - w4 * log_rec
    d_alpha = r / alpha - (r + x) * (w3 / (alpha + T) + w4 / (alpha + tx))
    d_a = digamma(a + b) - digamma(a + b + x) + w4 / a
    d_b = digamma(a + b) + digamma(b + x) - digamma(b) - digamma(a + b + x) - w4 / b_term
    gradient = -np.array([r * d_r.mean(), alpha * d_alpha.mean(), a * d_a.mean(), b * d_b.mean()])
    return -ll.mean(), gradient


def hessian_from_gradient(point, args, step=1e-4):
    columns = []
    for i in range(len(point)):
        shift = np.zeros_like(point)
        shift[i] = step
        columns.append((value_and_gradient(point + shift, *args)[1] - value_and_gradient(point - shift, *args)[1]) / (2 * step))
    h = np.array(columns)
    return (h + h.T) / 2


def fit(method, x, tx, T):
    scale = 1.0 / T.max()
    args = (x, tx * scale, T * scale)
    start = 0.1 * np.ones(4)
    started = time.perf_counter()
    if method == 'BFGS':
        output = minimize(value_and_gradient, start, args=args, jac=True, method='BFGS', tol=1e-7, options={'maxiter': 2000})
    else:
        output = minimize(negative_log_likelihood, start, args=args, method='Nelder-Mead', tol=1e-7, options={'maxiter': 2000})
    hessian = hessian_from_gradient(output.x, args)
    elapsed = (time.perf_counter() - started) * 1000
    r, alpha, a, b = np.exp(output.x)
    alpha /= scale
    ll = -output.fun * len(x) - x.sum() * np.log(1 / scale)
    return {
        'ms': elapsed,
        'r': r, 'alpha': alpha, 'a': a, 'b': b,
        'logLikelihood': ll,
        'success': bool(output.success),
        'iterations': int(output.nit),
        'evaluations': int(output.nfev),
        'hessianPositiveDefinite': bool(np.all(np.linalg.eigvalsh(hessian) > 0)),
    }


def main():
    np.seterr(all="ignore")
    data = np.genfromtxt(sys.argv[1], delimiter=',', names=True)
    x, tx, T = data['frequency'], data['recency'], data['T']
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    result = {'implementation': 'numpy+scipy re-implementation of lifetimes 0.11 BetaGeoFitter.fit (not lifetimes)',
              'numpy': np.__version__, 'customers': int(len(x))}
    import scipy
    result['scipy'] = scipy.__version__
    for method in ('BFGS', 'Nelder-Mead'):
        runs = [fit(method, x, tx, T) for _ in range(repeats if method == 'BFGS' else 1)]
        best = min(runs, key=lambda run: run['ms'])
        result[method] = best
    print(json.dumps(result))


if __name__ == '__main__':
    main()
