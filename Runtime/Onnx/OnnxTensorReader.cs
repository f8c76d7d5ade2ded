using System;
using System.Collections.Generic;
using F = VaeProcgen.Onnx.OnnxFieldNumbers;

namespace VaeProcgen.Onnx
{
    /// <summary>
    /// Reads a TensorProto in two passes: the first collects dims, type and how many values each data field
    /// carries, so that everything is validated before the second pass allocates and decodes.
    /// </summary>
    internal static class OnnxTensorReader
    {
        private static readonly int[] DataFields =
            { F.Tensor.FloatData, F.Tensor.Int32Data, F.Tensor.StringData, F.Tensor.Int64Data, F.Tensor.RawData, F.Tensor.DoubleData, F.Tensor.UInt64Data };

        public static OnnxTensor Read(ProtoReader message, OnnxParseContext context)
        {
            ProtoReader secondPass = message;
            var tensor = new OnnxTensor { DataType = OnnxDataType.Undefined };
            var dims = new List<long>();
            var valueCounts = new Dictionary<int, long>();
            while (message.NextField())
            {
                switch (message.Field)
                {
                    case F.Tensor.Dims: ReadDims(ref message, dims, context.Limits.MaxDims); break;
                    case F.Tensor.DataType: tensor.DataType = (OnnxDataType)message.ReadInt32(); break;
                    case F.Tensor.Name: tensor.Name = message.ReadString(); break;
                    case F.Tensor.DataLocation: tensor.IsExternal = message.ReadInt64() == F.Tensor.DataLocationExternal; break;
                    case F.Tensor.ExternalData: tensor.ExternalData.Add(OnnxEntryReader.Read(message.ReadMessage("StringStringEntryProto"))); break;
                    case F.Tensor.RawData:
                        if (valueCounts.ContainsKey(F.Tensor.RawData))
                            throw message.Malformed($"{message.MessageName} contains raw_data twice");
                        valueCounts[F.Tensor.RawData] = message.ReadBytes().Length;
                        break;
                    case F.Tensor.FloatData: Add(valueCounts, message.Field, CountValues(ref message, ProtoWireType.Fixed32)); break;
                    case F.Tensor.DoubleData: Add(valueCounts, message.Field, CountValues(ref message, ProtoWireType.Fixed64)); break;
                    case F.Tensor.Int32Data:
                    case F.Tensor.Int64Data:
                    case F.Tensor.UInt64Data: Add(valueCounts, message.Field, CountValues(ref message, ProtoWireType.Varint)); break;
                    case F.Tensor.StringData: message.SkipField(); Add(valueCounts, F.Tensor.StringData, 1); break;
                    default: message.SkipField(); break;
                }
            }
            tensor.Dims = dims.ToArray();
            string what = $"tensor '{tensor.Name}'";
            long count = CheckedElementCount(tensor.Dims, what, context.Limits);
            if (tensor.IsExternal) return tensor;
            if (count > int.MaxValue)
                throw new OnnxFormatException($"The ONNX {what} has {count} elements, more than one array can hold; store it as external data.");

            int source = FindDataField(valueCounts, count, what);
            int elementSize = OnnxElementCodec.ElementSize(tensor.DataType);
            if (elementSize == 0)
                throw new OnnxFormatException($"The ONNX {what} has element type {(int)tensor.DataType} ({tensor.DataType}), which VaeProcgen does not support; export the weights as float or int64.");
            if (source == 0) return tensor;
            long carried = valueCounts[source];
            long expected = source == F.Tensor.RawData ? count * elementSize : count;
            if (source != F.Tensor.RawData && source != ExpectedTypedField(tensor.DataType))
                throw new OnnxFormatException($"The ONNX {what} of type {tensor.DataType} stores its values in field {source} of TensorProto, which onnx.proto reserves for other types; re-export the model.");
            if (carried != expected)
                throw new OnnxFormatException($"The ONNX {what} declares dims [{string.Join(",", tensor.Dims)}] ({count} elements) but its field {source} carries {carried} {(source == F.Tensor.RawData ? "bytes" : "values")} instead of {expected}; re-export the model.");
            context.CountElements(count, what);
            OnnxTensorDataDecoder.Decode(secondPass, tensor, source, (int)count);
            return tensor;
        }

        private static void ReadDims(ref ProtoReader message, List<long> dims, int maxDims)
        {
            if (message.WireType == ProtoWireType.LengthDelimited)
            {
                ProtoReader block = message.ReadPackedBlock();
                while (!block.AtEnd) AddDim(dims, unchecked((long)block.ReadPackedVarint()), maxDims);
            }
            else
            {
                AddDim(dims, message.ReadInt64(), maxDims);
            }
        }

        private static void AddDim(List<long> dims, long dim, int maxDims)
        {
            if (dims.Count >= maxDims)
                throw new OnnxFormatException($"The ONNX file has a tensor with more than {maxDims} dimensions, above the configured limit; the file is malformed or hostile.");
            dims.Add(dim);
        }

        /// <summary>Element count from dims, rejecting negative dims, overflow and counts above the limit.</summary>
        public static long CheckedElementCount(long[] dims, string what, OnnxReadLimits limits)
        {
            long count = 1;
            foreach (long d in dims)
            {
                if (d < 0)
                    throw new OnnxFormatException($"The ONNX {what} has the negative dimension {d}; re-export the model.");
                if (d != 0 && count > limits.MaxTensorElements / d)
                    throw new OnnxFormatException($"The ONNX {what} declares dims [{string.Join(",", dims)}], more than the limit of {limits.MaxTensorElements} elements; the file is too large or hostile.");
                count *= d;
            }
            return count;
        }

        private static long CountValues(ref ProtoReader message, ProtoWireType unpackedWireType)
        {
            if (message.WireType == ProtoWireType.LengthDelimited)
            {
                ProtoReader block = message.ReadPackedBlock();
                if (unpackedWireType == ProtoWireType.Varint) return block.CountPackedVarints();
                int size = unpackedWireType == ProtoWireType.Fixed32 ? 4 : 8;
                if (block.BytesLeft % size != 0)
                    throw message.Malformed($"the packed values of field {message.Field} of {message.MessageName} are {block.BytesLeft} bytes, not a multiple of {size}");
                return block.BytesLeft / size;
            }
            if (message.WireType != unpackedWireType)
                throw message.Malformed($"field {message.Field} of {message.MessageName} has wire type {(int)message.WireType} but {(int)unpackedWireType} was expected");
            message.SkipField();
            return 1;
        }

        private static void Add(Dictionary<int, long> counts, int field, long count)
        {
            counts.TryGetValue(field, out long previous);
            counts[field] = previous + count;
        }

        private static int FindDataField(Dictionary<int, long> counts, long count, string what)
        {
            int found = 0;
            foreach (int field in DataFields)
            {
                if (!counts.TryGetValue(field, out long carried) || (carried == 0 && count != 0)) continue;
                if (found != 0)
                    throw new OnnxFormatException($"The ONNX {what} stores values in both fields {found} and {field} of TensorProto, so it is ambiguous; re-export the model.");
                found = field;
            }
            if (found == 0 && count != 0)
                throw new OnnxFormatException($"The ONNX {what} declares {count} elements but carries no data; re-export the model.");
            if (found != 0 && count == 0 && counts[found] != 0)
                throw new OnnxFormatException($"The ONNX {what} declares 0 elements but carries {counts[found]} values; re-export the model.");
            return found;
        }

        private static int ExpectedTypedField(OnnxDataType type)
        {
            switch (type)
            {
                case OnnxDataType.Float: return F.Tensor.FloatData;
                case OnnxDataType.Double: return F.Tensor.DoubleData;
                case OnnxDataType.Int64: return F.Tensor.Int64Data;
                case OnnxDataType.UInt32:
                case OnnxDataType.UInt64: return F.Tensor.UInt64Data;
                default: return F.Tensor.Int32Data;
            }
        }
    }
}
