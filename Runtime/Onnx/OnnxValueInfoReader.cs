using System.Collections.Generic;
using F = VaeProcgen.Onnx.OnnxFieldNumbers;

namespace VaeProcgen.Onnx
{
    /// <summary>Reads a ValueInfoProto; non-tensor types leave the element type Undefined and the shape null.</summary>
    internal static class OnnxValueInfoReader
    {
        public static OnnxValueInfo Read(ProtoReader message, OnnxParseContext context)
        {
            var value = new OnnxValueInfo { ElementType = OnnxDataType.Undefined };
            while (message.NextField())
            {
                if (message.Field == F.ValueInfo.Name) value.Name = message.ReadString();
                else if (message.Field == F.ValueInfo.Type) ReadType(message.ReadMessage("TypeProto"), value, context);
                else message.SkipField();
            }
            return value;
        }

        private static void ReadType(ProtoReader message, OnnxValueInfo value, OnnxParseContext context)
        {
            while (message.NextField())
            {
                if (message.Field == F.TypeProto.TensorType) ReadTensorType(message.ReadMessage("TypeProto.Tensor"), value, context);
                else message.SkipField();
            }
        }

        private static void ReadTensorType(ProtoReader message, OnnxValueInfo value, OnnxParseContext context)
        {
            while (message.NextField())
            {
                if (message.Field == F.TensorType.ElemType) value.ElementType = (OnnxDataType)message.ReadInt32();
                else if (message.Field == F.TensorType.Shape) value.Shape = ReadShape(message.ReadMessage("TensorShapeProto"), context.Limits.MaxDims);
                else message.SkipField();
            }
        }

        private static OnnxDimension[] ReadShape(ProtoReader message, int maxDims)
        {
            var dims = new List<OnnxDimension>();
            while (message.NextField())
            {
                if (message.Field != F.TensorShape.Dim) { message.SkipField(); continue; }
                if (dims.Count >= maxDims)
                    throw new OnnxFormatException($"The ONNX file has a value shape with more than {maxDims} dimensions, above the configured limit; the file is malformed or hostile.");
                dims.Add(ReadDimension(message.ReadMessage("TensorShapeProto.Dimension")));
            }
            return dims.ToArray();
        }

        private static OnnxDimension ReadDimension(ProtoReader message)
        {
            var dim = new OnnxDimension();
            while (message.NextField())
            {
                if (message.Field == F.Dimension.DimValue) dim = new OnnxDimension(message.ReadInt64());
                else if (message.Field == F.Dimension.DimParam) dim = new OnnxDimension(message.ReadString());
                else message.SkipField();
            }
            return dim;
        }
    }
}
