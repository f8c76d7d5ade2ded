using System;
using System.Collections.Generic;
using F = VaeProcgen.Onnx.OnnxFieldNumbers;

namespace VaeProcgen.Onnx
{
    /// <summary>Writes the leaf messages of a model: tensors, attributes, value infos and key/value entries.</summary>
    internal static class OnnxTensorWriter
    {
        public static void WriteTensor(ProtoWriter w, OnnxTensor tensor)
        {
            foreach (long d in tensor.Dims) w.WriteInt64(F.Tensor.Dims, d);
            w.WriteInt64(F.Tensor.DataType, (long)tensor.DataType);
            OnnxSerializer.WriteNonEmpty(w, F.Tensor.Name, tensor.Name);
            if (tensor.IsExternal)
            {
                foreach (KeyValuePair<string, string> entry in tensor.ExternalData) WriteEntry(w, F.Tensor.ExternalData, entry);
                w.WriteInt64(F.Tensor.DataLocation, F.Tensor.DataLocationExternal);
                return;
            }
            if (OnnxElementCodec.ElementSize(tensor.DataType) == 0)
                throw new ArgumentException($"Tensor '{tensor.Name}' has element type {tensor.DataType}, which VaeProcgen cannot write.");
            int count = OnnxElementCodec.IsFloating(tensor.DataType) ? tensor.FloatData.Length : tensor.Int64Data.Length;
            if (count != tensor.ElementCount)
                throw new ArgumentException($"Tensor '{tensor.Name}' has dims [{string.Join(",", tensor.Dims)}] ({tensor.ElementCount} elements) but carries {count} values.");
            w.WriteBytes(F.Tensor.RawData, OnnxElementCodec.EncodeRaw(tensor));
        }

        public static void WriteAttribute(ProtoWriter w, OnnxAttribute a)
        {
            w.WriteString(F.Attribute.Name, a.Name);
            switch (a.Type)
            {
                case OnnxAttributeType.Float: w.WriteFloat(F.Attribute.F, a.Float); break;
                case OnnxAttributeType.Int: w.WriteInt64(F.Attribute.I, a.Int); break;
                case OnnxAttributeType.String: w.WriteString(F.Attribute.S, a.String); break;
                case OnnxAttributeType.Tensor:
                    w.BeginMessage(F.Attribute.T);
                    WriteTensor(w, a.Tensor ?? throw new ArgumentException($"Tensor attribute '{a.Name}' has no tensor."));
                    w.EndMessage();
                    break;
                case OnnxAttributeType.Graph:
                    // The object model keeps no sub-graph content; an empty graph keeps the declared type valid.
                    w.BeginMessage(F.Attribute.G);
                    w.EndMessage();
                    break;
                case OnnxAttributeType.Floats: w.WritePackedFloats(F.Attribute.Floats, a.Floats); break;
                case OnnxAttributeType.Ints: w.WritePackedInt64s(F.Attribute.Ints, a.Ints); break;
                case OnnxAttributeType.Strings:
                    foreach (string s in a.Strings) w.WriteString(F.Attribute.Strings, s);
                    break;
                default:
                    throw new ArgumentException($"Attribute '{a.Name}' has no value type.");
            }
            w.WriteInt64(F.Attribute.Type, (long)a.Type);
        }

        public static void WriteValueInfo(ProtoWriter w, OnnxValueInfo value)
        {
            w.WriteString(F.ValueInfo.Name, value.Name);
            w.BeginMessage(F.ValueInfo.Type);
            w.BeginMessage(F.TypeProto.TensorType);
            w.WriteInt64(F.TensorType.ElemType, (long)value.ElementType);
            if (value.Shape != null)
            {
                w.BeginMessage(F.TensorType.Shape);
                foreach (OnnxDimension dim in value.Shape)
                {
                    w.BeginMessage(F.TensorShape.Dim);
                    if (dim.Value.HasValue) w.WriteInt64(F.Dimension.DimValue, dim.Value.Value);
                    else if (dim.Symbol != null) w.WriteString(F.Dimension.DimParam, dim.Symbol);
                    w.EndMessage();
                }
                w.EndMessage();
            }
            w.EndMessage();
            w.EndMessage();
        }

        public static void WriteEntry(ProtoWriter w, int field, KeyValuePair<string, string> entry)
        {
            w.BeginMessage(field);
            w.WriteString(F.StringStringEntry.Key, entry.Key);
            w.WriteString(F.StringStringEntry.Value, entry.Value);
            w.EndMessage();
        }
    }
}
