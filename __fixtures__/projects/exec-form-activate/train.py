"""Trains a small classifier on synthetic data and prints its accuracy."""
import platform
import time

import numpy as np
import tensorflow as tf


def main() -> None:
    rng = np.random.default_rng(42)
    x = rng.standard_normal((2048, 20)).astype("float32")
    y = (x[:, :5].sum(axis=1) > 0).astype("int32")

    model = tf.keras.Sequential([
        tf.keras.Input(shape=(20,)),
        tf.keras.layers.Dense(32, activation="relu"),
        tf.keras.layers.Dense(2, activation="softmax"),
    ])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    start = time.time()
    history = model.fit(x, y, batch_size=64, epochs=3, verbose=0)
    print(
        f"{platform.machine()}: TensorFlow {tf.__version__}, "
        f"accuracy {history.history['accuracy'][-1]:.3f} after {time.time() - start:.1f} s"
    )


if __name__ == "__main__":
    main()
