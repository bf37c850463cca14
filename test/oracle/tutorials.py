"""The two tutorials' own NumPy code, kept as they wrote it, run with any seed and settings.

This is the oracle our TypeScript library is checked against: it prints one JSON document in the same shape as
`npm run --silent train -- <network> --json` (minus trainMs).

    python test/oracle/tutorials.py gender --seed 0 --epochs 1000 --learn-rate 0.1
    python test/oracle/tutorials.py points --seed 1 --iterations 100000 --hidden 4
"""

import argparse
import json

import numpy as np

PARAM_NAMES = ["w1", "w2", "w3", "w4", "w5", "w6", "b1", "b2", "b3"]


# ---- Tutorial 1 (Victor Zhou's network), unchanged but for the learn rate, epochs and the loss record ----

def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def deriv_sigmoid(x):
    fx = sigmoid(x)
    return fx * (1 - fx)


def mse_loss(y_true, y_pred):
    return ((y_true - y_pred) ** 2).mean()


class OurNeuralNetwork:
    def __init__(self):
        self.w1 = np.random.normal()
        self.w2 = np.random.normal()
        self.w3 = np.random.normal()
        self.w4 = np.random.normal()
        self.w5 = np.random.normal()
        self.w6 = np.random.normal()
        self.b1 = np.random.normal()
        self.b2 = np.random.normal()
        self.b3 = np.random.normal()

    def params(self):
        return {name: float(getattr(self, name)) for name in PARAM_NAMES}

    def feedforward(self, x):
        h1 = sigmoid(self.w1 * x[0] + self.w2 * x[1] + self.b1)
        h2 = sigmoid(self.w3 * x[0] + self.w4 * x[1] + self.b2)
        o1 = sigmoid(self.w5 * h1 + self.w6 * h2 + self.b3)
        return o1

    def train(self, data, all_y_trues, learn_rate, epochs):
        losses = []
        for epoch in range(epochs):
            for x, y_true in zip(data, all_y_trues):
                sum_h1 = self.w1 * x[0] + self.w2 * x[1] + self.b1
                h1 = sigmoid(sum_h1)
                sum_h2 = self.w3 * x[0] + self.w4 * x[1] + self.b2
                h2 = sigmoid(sum_h2)
                sum_o1 = self.w5 * h1 + self.w6 * h2 + self.b3
                o1 = sigmoid(sum_o1)
                y_pred = o1

                d_L_d_ypred = -2 * (y_true - y_pred)

                d_ypred_d_w5 = h1 * deriv_sigmoid(sum_o1)
                d_ypred_d_w6 = h2 * deriv_sigmoid(sum_o1)
                d_ypred_d_b3 = deriv_sigmoid(sum_o1)
                d_ypred_d_h1 = self.w5 * deriv_sigmoid(sum_o1)
                d_ypred_d_h2 = self.w6 * deriv_sigmoid(sum_o1)

                d_h1_d_w1 = x[0] * deriv_sigmoid(sum_h1)
                d_h1_d_w2 = x[1] * deriv_sigmoid(sum_h1)
                d_h1_d_b1 = deriv_sigmoid(sum_h1)

                d_h2_d_w3 = x[0] * deriv_sigmoid(sum_h2)
                d_h2_d_w4 = x[1] * deriv_sigmoid(sum_h2)
                d_h2_d_b2 = deriv_sigmoid(sum_h2)

                self.w1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w1
                self.w2 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_w2
                self.b1 -= learn_rate * d_L_d_ypred * d_ypred_d_h1 * d_h1_d_b1

                self.w3 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w3
                self.w4 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_w4
                self.b2 -= learn_rate * d_L_d_ypred * d_ypred_d_h2 * d_h2_d_b2

                self.w5 -= learn_rate * d_L_d_ypred * d_ypred_d_w5
                self.w6 -= learn_rate * d_L_d_ypred * d_ypred_d_w6
                self.b3 -= learn_rate * d_L_d_ypred * d_ypred_d_b3

            if epoch % 10 == 0:
                y_preds = np.apply_along_axis(self.feedforward, 1, data)
                # Recorded with the number of epochs done (the library's convention); the tutorial prints it as "Epoch {epoch}".
                losses.append({"epoch": epoch + 1, "loss": float(mse_loss(all_y_trues, y_preds))})
        return losses


def gender(seed, epochs, learn_rate):
    np.random.seed(seed)
    data = np.array([[-2, -1], [25, 6], [17, 4], [-15, -6]])
    all_y_trues = np.array([1, 0, 0, 1])
    network = OurNeuralNetwork()
    initial = network.params()
    losses = network.train(data, all_y_trues, learn_rate, epochs)
    return {
        "network": "gender",
        "seed": seed,
        "epochs": epochs,
        "learnRate": learn_rate,
        "initial": initial,
        "final": network.params(),
        "losses": losses,
        "predictions": {
            "Emily": float(network.feedforward(np.array([-7, -3]))),
            "Frank": float(network.feedforward(np.array([20, 2]))),
        },
    }


# ---- Tutorial 2 (Akash Adhikari's network), unchanged but for the hidden size and iterations ----

class Layer:
    def __init__(self, number_of_inputs_per_neuron, number_of_neurons):
        self.synaptic_weights = 2 * np.random.random((number_of_inputs_per_neuron, number_of_neurons)) - 1


class NeuralNetwork:
    def __init__(self, layer1, layer2):
        self.layer1 = layer1
        self.layer2 = layer2

    def sigmoid_activation(self, x):
        return 1 / (1 + np.exp(-x))

    def sigmoid_activation_derivative(self, x):
        return x * (1 - x)

    def forward_propagate(self, inputs):
        output_from_layer1 = self.sigmoid_activation(np.dot(inputs, self.layer1.synaptic_weights))
        output_from_layer2 = self.sigmoid_activation(np.dot(output_from_layer1, self.layer2.synaptic_weights))
        return output_from_layer1, output_from_layer2

    def train(self, training_set_inputs, training_set_outputs, number_of_training_iterations):
        for iteration in range(number_of_training_iterations):
            output_from_layer_1, output_from_layer_2 = self.forward_propagate(training_set_inputs)
            layer2_error = training_set_outputs - output_from_layer_2
            layer2_delta = layer2_error * self.sigmoid_activation_derivative(output_from_layer_2)
            layer1_error = np.dot(layer2_delta, self.layer2.synaptic_weights.T)
            layer1_delta = layer1_error * self.sigmoid_activation_derivative(output_from_layer_1)
            layer1_adjustment = np.dot(training_set_inputs.T, layer1_delta)
            layer2_adjustment = np.dot(output_from_layer_1.T, layer2_delta)
            self.layer1.synaptic_weights += layer1_adjustment
            self.layer2.synaptic_weights += layer2_adjustment


def points(seed, iterations, hidden):
    np.random.seed(seed)
    layer1 = Layer(2, hidden)
    layer2 = Layer(hidden, 1)
    network = NeuralNetwork(layer1, layer2)
    initial = {"layer1": layer1.synaptic_weights.tolist(), "layer2": layer2.synaptic_weights.tolist()}
    input_array = np.array([[0, 0], [0, 1], [0, 2], [-1, 0], [-2, -2], [-2, -1], [-1, -1],
                            [1, -1], [1, 0], [1, 1], [2, 0], [3, 0], [0, -3], [0, -2], [2, -2]])
    output_array = np.array([[0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1]]).T
    network.train(input_array, output_array, iterations)
    _, output = network.forward_propagate(np.array([2, -3]))
    return {
        "network": "points",
        "seed": seed,
        "iterations": iterations,
        "hidden": hidden,
        "initial": initial,
        "final": {"layer1": layer1.synaptic_weights.tolist(), "layer2": layer2.synaptic_weights.tolist()},
        "test": {"input": [2, -3], "output": float(output[0])},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("network", choices=["gender", "points"])
    parser.add_argument("--seed", type=int)
    parser.add_argument("--epochs", type=int, default=1000)
    parser.add_argument("--learn-rate", type=float, default=0.1)
    parser.add_argument("--iterations", type=int, default=100000)
    parser.add_argument("--hidden", type=int, default=4)
    args = parser.parse_args()
    if args.network == "gender":
        result = gender(0 if args.seed is None else args.seed, args.epochs, args.learn_rate)
    else:
        result = points(1 if args.seed is None else args.seed, args.iterations, args.hidden)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
