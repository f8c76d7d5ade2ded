"""Generates reference_model.onnx with the official onnx package (run once; the output is committed)."""
import numpy as np
import onnx
from onnx import TensorProto, helper

weights_raw = helper.make_tensor("W_raw", TensorProto.FLOAT, [2, 3], np.array([1.5, -2.0, 0.25, 3.0, 4.0, -0.5], dtype=np.float32).tobytes(), raw=True)
bias_typed = helper.make_tensor("B_typed", TensorProto.FLOAT, [2], [0.5, -1.0])
shape_typed = helper.make_tensor("Shape_typed", TensorProto.INT64, [2], [-1, 2])
shape_raw = helper.make_tensor("Shape_raw", TensorProto.INT64, [2], np.array([7, -8], dtype=np.int64).tobytes(), raw=True)
half_raw = helper.make_tensor("H_raw", TensorProto.FLOAT16, [2], np.array([1.0, -0.5], dtype=np.float16).tobytes(), raw=True)
int8_typed = helper.make_tensor("I8_typed", TensorProto.INT8, [3], [-3, 0, 5])
double_typed = helper.make_tensor("D_typed", TensorProto.DOUBLE, [2], [0.125, -8.0])

gemm = helper.make_node("Gemm", ["X", "W_raw", "B_typed"], ["Y0"], name="gemm", transB=1, alpha=1.0)
relu = helper.make_node("Relu", ["Y0"], ["Y1"], name="relu", doc_string="rectifier")
reshape = helper.make_node("Reshape", ["Y1", "Shape_typed"], ["Y"], name="reshape")
const = helper.make_node("Constant", [], ["C"], name="const", value=helper.make_tensor("c", TensorProto.FLOAT, [1], [2.0]))
lists = helper.make_node("Custom", ["Y"], ["Z"], name="custom", domain="vaeprocgen.test",
                         floats=[0.5, 1.5], ints=[1, 2, 3], strings=["a", "bc"], mode="edge")

graph = helper.make_graph(
    [gemm, relu, reshape, const, lists], "reference",
    [helper.make_tensor_value_info("X", TensorProto.FLOAT, ["N", 3])],
    [helper.make_tensor_value_info("Z", TensorProto.FLOAT, ["N", 2])],
    initializer=[weights_raw, bias_typed, shape_typed, shape_raw, half_raw, int8_typed, double_typed],
    doc_string="graph doc")
model = helper.make_model(graph, producer_name="onnx-python", producer_version="1.12",
                          opset_imports=[helper.make_opsetid("", 13), helper.make_opsetid("vaeprocgen.test", 1)])
model.model_version = 3
model.doc_string = "reference model"
helper.set_model_props(model, {"vaeprocgen.contract": "1"})
onnx.save(model, "reference_model.onnx")
