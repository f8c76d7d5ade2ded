"""Validate an exported VaeProcgen ONNX file with the official checker and check the contract keys."""
import sys

import onnx

REQUIRED = [
    "vaeprocgen.contract_version", "vaeprocgen.graph_role", "vaeprocgen.model_kind",
    "vaeprocgen.latent_size", "vaeprocgen.output_shape", "vaeprocgen.likelihood",
    "vaeprocgen.channels", "vaeprocgen.conditional", "vaeprocgen.class_labels",
    "vaeprocgen.trainer_version", "vaeprocgen.dataset_fingerprint",
]

path = sys.argv[1]
model = onnx.load(path)
onnx.checker.check_model(model, full_check=True)
props = {p.key: p.value for p in model.metadata_props}
missing = [k for k in REQUIRED if k not in props]
if missing:
    sys.exit(f"{path}: missing contract keys {missing}")
opset = max(o.version for o in model.opset_import if o.domain in ("", "ai.onnx"))
if opset < 13:
    sys.exit(f"{path}: opset {opset} < 13")
print(f"{path}: checker OK, opset {opset}, {len(props)} contract keys, role {props['vaeprocgen.graph_role']}")
