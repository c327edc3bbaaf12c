import tensorflow as tf

print("mlapp: TensorFlow", tf.__version__)
