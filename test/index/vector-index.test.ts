// Runs the one VectorIndex contract against both implementations.
import { ExactVectorIndex, HnswVectorIndex } from "../../src/index/vector-index.js";
import { ShardedVectorIndex, shardFiles } from "../../src/index/sharded-vectors.js";
import { vectorIndexContract } from "./vector-index.contract.js";

vectorIndexContract("HnswVectorIndex", {
  create: (dimension) => HnswVectorIndex.create(dimension),
  load: (file, dimension, live) => HnswVectorIndex.load(file, dimension, live),
});

vectorIndexContract("ExactVectorIndex", {
  create: (dimension) => new ExactVectorIndex(dimension),
  load: (file, dimension) => ExactVectorIndex.load(file, dimension),
});

vectorIndexContract("ShardedVectorIndex (two shards)", {
  create: (dimension) => ShardedVectorIndex.create(dimension, 2),
  load: (file, dimension, live) => ShardedVectorIndex.load(shardFiles(file, 2), dimension, live),
});
