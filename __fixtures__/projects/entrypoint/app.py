import tensorflow as tf

print("serving with TensorFlow", tf.__version__)
