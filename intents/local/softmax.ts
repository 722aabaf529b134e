/**
 * Multinomial logistic regression over sparse binary features, trained with plain SGD and
 * L2 regularization. Small, deterministic (seeded shuffles) and fast: a few hundred
 * milliseconds for the whole training set on one core.
 */

export interface SparseExample {
  /** Feature indices (deduplicated). */
  x: number[];
  label: number;
}

export interface SoftmaxParams {
  numClasses: number;
  numFeatures: number;
  /** Row-major by feature: weights[f * numClasses + c]. Float32 once loaded from a model file (half the memory; the file holds float32). */
  weights: Float64Array | Float32Array;
  bias: Float64Array;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** 0..1: how far to reweight classes toward equal total weight. */
  classBalance: number;
  seed: number;
  /**
   * When set, the parameters returned are the mean of those at the end of each epoch from this one
   * (0-based) on, instead of the last epoch's alone: the last SGD steps move the weights by chance
   * as much as by the data (Polyak-Ruppert averaging).
   */
  averageFrom?: number;
}

/** mulberry32: tiny seeded PRNG so training is reproducible. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function logits(params: SoftmaxParams, x: readonly number[], out = new Float64Array(params.numClasses)): Float64Array {
  const C = params.numClasses;
  const scale = x.length > 0 ? 1 / Math.sqrt(x.length) : 0;
  for (let c = 0; c < C; c++) out[c] = params.bias[c]!;
  for (const f of x) {
    const base = f * C;
    for (let c = 0; c < C; c++) out[c]! += params.weights[base + c]! * scale;
  }
  return out;
}

/** Softmax of logits / temperature, in place. */
export function softmax(values: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const e = Math.exp((values[i]! - max) / temperature);
    values[i] = e;
    sum += e;
  }
  for (let i = 0; i < values.length; i++) values[i]! /= sum;
  return values;
}

export function trainSoftmax(examples: readonly SparseExample[], numClasses: number, numFeatures: number, options: TrainOptions): SoftmaxParams {
  const C = numClasses;
  const params: SoftmaxParams = {
    numClasses: C,
    numFeatures,
    weights: new Float64Array(numFeatures * C),
    bias: new Float64Array(C),
  };
  const counts = new Array<number>(C).fill(0);
  for (const e of examples) counts[e.label]!++;
  const present = counts.filter((n) => n > 0).length;
  const classWeight = counts.map((n) => (n > 0 ? Math.pow(examples.length / (present * n), options.classBalance) : 0));
  const random = prng(options.seed);
  const order = examples.map((_, i) => i);
  const p = new Float64Array(C);
  const from = options.averageFrom !== undefined && options.averageFrom < options.epochs ? options.averageFrom : null;
  const sum = from === null ? null : { weights: new Float64Array(numFeatures * C), bias: new Float64Array(C), n: 0 };
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    const lr = options.learningRate / (1 + epoch * 0.2);
    for (const i of order) {
      const e = examples[i]!;
      softmax(logits(params, e.x, p));
      const w = classWeight[e.label]!;
      const scale = e.x.length > 0 ? 1 / Math.sqrt(e.x.length) : 0;
      for (let c = 0; c < C; c++) {
        const g = (p[c]! - (c === e.label ? 1 : 0)) * w;
        params.bias[c]! -= lr * g;
        const gs = g * scale;
        for (const f of e.x) {
          const k = f * C + c;
          params.weights[k]! -= lr * (gs + options.l2 * params.weights[k]!);
        }
      }
    }
    if (sum && epoch >= from!) {
      for (let k = 0; k < sum.weights.length; k++) sum.weights[k]! += params.weights[k]!;
      for (let c = 0; c < C; c++) sum.bias[c]! += params.bias[c]!;
      sum.n++;
    }
  }
  if (sum && sum.n > 0) {
    for (let k = 0; k < sum.weights.length; k++) params.weights[k] = sum.weights[k]! / sum.n;
    for (let c = 0; c < C; c++) params.bias[c] = sum.bias[c]! / sum.n;
  }
  return params;
}

/** Temperature that minimizes the negative log-likelihood of held-out logits (golden section). */
export function fitTemperature(heldOut: Array<{ logits: Float64Array; label: number }>): number {
  const nll = (t: number): number => {
    let total = 0;
    for (const { logits: z, label } of heldOut) {
      const p = softmax(Float64Array.from(z), t);
      total -= Math.log(Math.max(p[label]!, 1e-12));
    }
    return total;
  };
  let lo = 0.05;
  let hi = 10;
  const g = (Math.sqrt(5) - 1) / 2;
  let a = hi - g * (hi - lo);
  let b = lo + g * (hi - lo);
  let fa = nll(a);
  let fb = nll(b);
  for (let i = 0; i < 40; i++) {
    if (fa < fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - g * (hi - lo);
      fa = nll(a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + g * (hi - lo);
      fb = nll(b);
    }
  }
  return (lo + hi) / 2;
}
