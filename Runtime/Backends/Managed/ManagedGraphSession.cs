using System;
using System.Collections.Generic;
using VaeProcgen.Onnx;

namespace VaeProcgen.Backends.Managed
{
    /// <summary>
    /// Executes an ONNX graph in pure managed code (the fallback for platforms without native ONNX Runtime).
    /// The constructor validates every operator (unsupported ones throw <see cref="VaeModelException"/> naming
    /// the op, the node and the supported list) and prepares weights; each batch size is planned on first use
    /// (shapes, buffers, integer shape arithmetic) and cached, after which runs allocate nothing. The graph's input and
    /// output tensors of a plan are the buffers <see cref="Input"/> and <see cref="Output"/> hand out, so nothing is
    /// copied around a run. Results are bitwise identical across runs and for every
    /// <see cref="ManagedSessionOptions.MaxThreads"/>. Loops run on the process-wide <see cref="WorkerPool.Shared"/>.
    /// Thread safety: one session is NOT thread-safe (callers serialize every call); separate sessions, even over the
    /// same <see cref="OnnxModel"/>, can run concurrently.
    /// </summary>
    internal sealed class ManagedGraphSession : IGraphSession
    {
        private readonly Dictionary<string, int> _valueIds = new Dictionary<string, int>();
        private readonly List<TensorSlot?> _constantSlots = new List<TensorSlot?>();
        private readonly OpKernel[] _kernels;
        private readonly int[][] _nodeInputs;
        private readonly int[][] _nodeOutputs;
        private readonly int[] _inputIds;
        private readonly int[][] _inputPerItemShapes;
        private readonly int[] _outputIds;
        private readonly bool[] _fusedIntoProducer;
        private readonly Dictionary<int, BatchPlan> _plans = new Dictionary<int, BatchPlan>();
        private readonly Dictionary<int, BatchPlan> _steppedPlans = new Dictionary<int, BatchPlan>();
        private readonly ParallelLoops _pool;
        private BatchPlan? _current;
        private BatchPlan? _finished;
        private int _nextNode;
        private bool _disposed;

        /// <summary>Builds a session; throws <see cref="VaeModelException"/> for unsupported operators or malformed graphs.</summary>
        public ManagedGraphSession(OnnxModel model, ManagedSessionOptions? options = null)
        {
            if (model == null) throw new ArgumentNullException(nameof(model));
            OnnxGraph graph = model.Graph;
            long opset = model.DefaultOpsetVersion;
            var constants = new Dictionary<string, OnnxTensor>();
            var constantNames = new HashSet<string>();
            foreach (OnnxTensor t in graph.Initializers)
            {
                Define(t.Name, ConstantSlot(t));
                constants[t.Name] = t;
                constantNames.Add(t.Name);
            }
            var inputNames = new List<string>();
            var inputShapes = new List<int[]>();
            foreach (OnnxValueInfo input in graph.Inputs)
            {
                if (constants.ContainsKey(input.Name)) continue;
                inputNames.Add(input.Name);
                inputShapes.Add(PerItemShape(input));
                Define(input.Name, null);
            }
            _kernels = new OpKernel[graph.Nodes.Count];
            _nodeInputs = new int[graph.Nodes.Count][];
            _nodeOutputs = new int[graph.Nodes.Count][];
            for (int i = 0; i < graph.Nodes.Count; i++)
            {
                OnnxNode node = graph.Nodes[i];
                _kernels[i] = KernelFactory.Create(node, opset, constants, constantNames);
                var ins = new int[node.Inputs.Count];
                for (int j = 0; j < ins.Length; j++)
                {
                    string name = node.Inputs[j];
                    if (name.Length == 0) { ins[j] = -1; continue; }
                    if (!_valueIds.TryGetValue(name, out ins[j]))
                        throw new VaeModelException($"ONNX node {node.Describe()} reads '{name}', which no earlier node, input or initializer defines; the graph is malformed or not topologically sorted.");
                }
                _nodeInputs[i] = ins;
                var outs = new int[node.Outputs.Count];
                for (int j = 0; j < outs.Length; j++) outs[j] = Define(node.Outputs[j], null);
                _nodeOutputs[i] = outs;
                if (node.OpType == "Constant" && node.Outputs.Count == 1)
                {
                    OnnxAttribute? value = node.FindAttribute("value");
                    if (value?.Tensor != null) constants[node.Outputs[0]] = value.Tensor;
                    constantNames.Add(node.Outputs[0]);
                }
            }
            var outputNames = new List<string>();
            _outputIds = new int[graph.Outputs.Count];
            for (int i = 0; i < graph.Outputs.Count; i++)
            {
                string name = graph.Outputs[i].Name;
                if (!_valueIds.TryGetValue(name, out _outputIds[i]))
                    throw new VaeModelException($"The graph output '{name}' is not produced by any node, input or initializer.");
                outputNames.Add(name);
            }
            _fusedIntoProducer = FuseRelus(graph);
            _inputIds = new int[inputNames.Count];
            for (int i = 0; i < inputNames.Count; i++) _inputIds[i] = _valueIds[inputNames[i]];
            _inputPerItemShapes = inputShapes.ToArray();
            InputNames = inputNames;
            OutputNames = outputNames;
            Options = options ?? new ManagedSessionOptions();
            _pool = ParallelLoops.WithThreads(Options.MaxThreads);
        }

        /// <summary>Always <see cref="Backend.Managed"/>.</summary>
        public Backend Kind => Backend.Managed;

        /// <summary>Graph input names (initializers excluded), in the order of the <see cref="Input"/> indices.</summary>
        public IReadOnlyList<string> InputNames { get; }

        /// <summary>Graph output names, in the order of the <see cref="Output"/> indices.</summary>
        public IReadOnlyList<string> OutputNames { get; }

        /// <summary>The options the session was built with.</summary>
        public ManagedSessionOptions Options { get; }

        /// <summary>The operator types this backend executes.</summary>
        public static IReadOnlyList<string> SupportedOperators => KernelFactory.SupportedOps;

        /// <summary>True between <see cref="Begin"/> and the <see cref="Step"/> call that returns false.</summary>
        public bool IsRunning => _current != null;

        /// <summary>Number of graph nodes, i.e. how many <see cref="Step"/> calls one run takes.</summary>
        public int NodeCount => _kernels.Length;

        /// <summary>Per-item shape (batch axis excluded) of input <paramref name="index"/>.</summary>
        public IReadOnlyList<int> GetInputPerItemShape(int index) => _inputPerItemShapes[index];

        /// <summary>Full shape of output <paramref name="index"/> at <paramref name="batch"/> (plans the batch size if needed).</summary>
        public int[] GetOutputShape(int batch, int index) => (int[])GetPlan(batch).Slots[_outputIds[index]].Shape.Clone();

        /// <summary>The share of the worker pool this session's loops run on.</summary>
        internal ParallelLoops Loops => _pool;

        /// <summary>The buffer of graph input <paramref name="index"/> at <paramref name="batch"/>: the input tensor itself (plans the batch size if needed).</summary>
        public Span<float> Input(int batch, int index)
        {
            TensorSlot slot = GetPlan(batch).Inputs[index];
            return slot.Floats.AsSpan(0, slot.Length);
        }

        /// <summary>Runs the whole graph on the inputs of <paramref name="batch"/> (the same result as <see cref="Begin"/> and <see cref="Step"/> until it returns false, in the ordinary plan).</summary>
        public void Run(int batch)
        {
            NodeStep?[] steps = GetPlan(batch).Steps;
            for (int n = 0; n < steps.Length; n++) steps[n]?.Execute();
        }

        /// <summary>Graph output <paramref name="index"/> of the last <see cref="Run"/> at <paramref name="batch"/>: the output tensor itself.</summary>
        public ReadOnlySpan<float> Output(int batch, int index)
        {
            BatchPlan plan = GetPlan(batch);
            return plan.Outputs[index].AsSpan(0, plan.OutputLengths[index]);
        }

        /// <summary>
        /// Starts an incremental run on a separate plan of <paramref name="batch"/> (its own intermediate tensors, same
        /// weights), copying the current inputs of <paramref name="batch"/> into it. A run already in progress is abandoned.
        /// </summary>
        public void Begin(int batch)
        {
            BatchPlan source = GetPlan(batch);
            if (!_steppedPlans.TryGetValue(batch, out BatchPlan? stepped))
            {
                stepped = BuildPlan(batch);
                _steppedPlans.Add(batch, stepped);
            }
            for (int i = 0; i < source.Inputs.Length; i++) source.Inputs[i].Floats.AsSpan().CopyTo(stepped.Inputs[i].Floats);
            _current = stepped;
            _finished = null;
            _nextNode = 0;
        }

        /// <summary>
        /// Executes the next node of the run started by <see cref="Begin"/>. Returns true while nodes remain, false
        /// after the last one; the result, in <see cref="StepOutput"/>, is bitwise identical to <see cref="Run"/>.
        /// </summary>
        public bool Step()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(ManagedGraphSession));
            BatchPlan plan = _current ?? throw new InvalidOperationException("Call Begin before Step.");
            if (_nextNode < plan.Steps.Length)
            {
                plan.Steps[_nextNode]?.Execute();
                _nextNode++;
                if (_nextNode < plan.Steps.Length) return true;
            }
            _finished = plan;
            _current = null;
            return false;
        }

        /// <summary>Output <paramref name="index"/> of the finished incremental run.</summary>
        public ReadOnlySpan<float> StepOutput(int index)
        {
            BatchPlan plan = _finished ?? throw new InvalidOperationException("No incremental run has finished; call Step until it returns false.");
            return plan.Outputs[index].AsSpan(0, plan.OutputLengths[index]);
        }

        /// <summary>Marks the session disposed (the worker pool is shared and stays).</summary>
        public void Dispose() => _disposed = true;

        private BatchPlan GetPlan(int batch)
        {
            if (_disposed) throw new ObjectDisposedException(nameof(ManagedGraphSession));
            if (_plans.TryGetValue(batch, out BatchPlan? plan)) return plan;
            plan = BuildPlan(batch);
            _plans.Add(batch, plan);
            return plan;
        }

        private BatchPlan BuildPlan(int batch)
        {
            if (batch < 1) throw new ArgumentOutOfRangeException(nameof(batch), "The batch size must be at least 1.");
            var slots = new TensorSlot[_constantSlots.Count];
            for (int i = 0; i < slots.Length; i++) if (_constantSlots[i] != null) slots[i] = _constantSlots[i]!;
            var inputs = new TensorSlot[_inputIds.Length];
            for (int i = 0; i < _inputIds.Length; i++)
            {
                int[] perItem = _inputPerItemShapes[i];
                var shape = new int[perItem.Length + 1];
                shape[0] = batch;
                perItem.CopyTo(shape, 1);
                slots[_inputIds[i]] = TensorSlot.NewFloat(shape);
                inputs[i] = slots[_inputIds[i]];
            }
            var steps = new NodeStep?[_kernels.Length];
            for (int n = 0; n < _kernels.Length; n++)
            {
                var ins = new TensorSlot?[_nodeInputs[n].Length];
                for (int j = 0; j < ins.Length; j++) ins[j] = _nodeInputs[n][j] < 0 ? null : slots[_nodeInputs[n][j]];
                var outs = new TensorSlot[_nodeOutputs[n].Length];
                if (_fusedIntoProducer[n])
                {
                    outs[0] = ins[0]!; // the producer already applied this Relu while writing its output
                    slots[_nodeOutputs[n][0]] = outs[0];
                    continue;
                }
                steps[n] = _kernels[n].Prepare(ins, outs, _pool);
                for (int j = 0; j < outs.Length; j++)
                {
                    if (outs[j] == null) throw new VaeModelException($"ONNX node {_kernels[n].Node.Describe()} has an output the managed backend does not compute.");
                    slots[_nodeOutputs[n][j]] = outs[j];
                }
            }
            var outputs = new float[_outputIds.Length][];
            var lengths = new int[_outputIds.Length];
            for (int i = 0; i < _outputIds.Length; i++)
            {
                TensorSlot slot = slots[_outputIds[i]];
                lengths[i] = slot.Length;
                if (slot.Floats != null)
                {
                    outputs[i] = slot.Floats;
                    continue;
                }
                outputs[i] = new float[slot.Length];
                for (int j = 0; j < slot.Length; j++) outputs[i][j] = slot.Ints![j];
            }
            return new BatchPlan(batch, slots, steps, inputs, outputs, lengths);
        }

        /// <summary>
        /// Marks each Relu node whose input comes from a kernel that can apply it itself (<see cref="IFusableRelu"/>) and
        /// that nothing else reads (no other node, not a graph output); that kernel then writes max(value, 0) directly.
        /// </summary>
        private bool[] FuseRelus(OnnxGraph graph)
        {
            var readers = new int[_constantSlots.Count];
            foreach (int[] ins in _nodeInputs) foreach (int id in ins) if (id >= 0) readers[id]++;
            foreach (int id in _outputIds) readers[id]++;
            var producer = new int[_constantSlots.Count];
            for (int i = 0; i < producer.Length; i++) producer[i] = -1;
            for (int n = 0; n < _nodeOutputs.Length; n++) foreach (int id in _nodeOutputs[n]) producer[id] = n;
            var fused = new bool[_kernels.Length];
            for (int n = 0; n < _kernels.Length; n++)
            {
                if (graph.Nodes[n].OpType != "Relu" || _nodeInputs[n].Length != 1 || _nodeOutputs[n].Length != 1) continue;
                int input = _nodeInputs[n][0];
                if (input < 0 || readers[input] != 1) continue;
                int p = producer[input];
                if (p < 0 || _nodeOutputs[p].Length != 1 || !(_kernels[p] is IFusableRelu fusable) || fusable.FuseRelu) continue;
                fusable.FuseRelu = true;
                fused[n] = true;
            }
            return fused;
        }

        private int Define(string name, TensorSlot? constant)
        {
            if (_valueIds.ContainsKey(name)) throw new VaeModelException($"The value '{name}' is defined twice in the graph.");
            int id = _constantSlots.Count;
            _valueIds[name] = id;
            _constantSlots.Add(constant);
            return id;
        }

        private static TensorSlot ConstantSlot(OnnxTensor tensor) => Kernels.ConstantKernel.SlotFromTensor(tensor, null);

        private static int[] PerItemShape(OnnxValueInfo input)
        {
            OnnxDimension[] shape = input.Shape ?? throw new VaeModelException($"The graph input '{input.Name}' declares no shape; the managed backend needs [batch, ...fixed sizes].");
            if (shape.Length == 0) throw new VaeModelException($"The graph input '{input.Name}' is a scalar; the managed backend needs a leading batch axis.");
            var perItem = new int[shape.Length - 1];
            for (int i = 1; i < shape.Length; i++)
            {
                long? v = shape[i].Value;
                if (!v.HasValue || v.Value < 0) throw new VaeModelException($"The graph input '{input.Name}' has a dynamic dimension {i}; the managed backend supports a dynamic batch axis only.");
                perItem[i - 1] = (int)v.Value;
            }
            return perItem;
        }
    }
}
