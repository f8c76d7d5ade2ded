#nullable enable
using System.Collections;
using System.Collections.Generic;
using System.IO;
using UnityEngine;
using UnityEngine.Networking;
using VaeProcgen.Authoring;
using VaeProcgen.Backends;
using VaeProcgen.Contract;
using VaeProcgen.Generation;

namespace VaeProcgen.Samples.Unity
{
    /// <summary>
    /// Loads a sprite model from StreamingAssets and shows one generated sprite per seed as child SpriteRenderers.
    /// Put the folder written by `vaeprocgen train` (decoder.onnx, optional encoder.onnx) under
    /// Assets/StreamingAssets/&lt;modelFolder&gt;.
    /// </summary>
    public sealed class SpriteGeneratorBehaviour : MonoBehaviour
    {
        [Tooltip("Folder under Assets/StreamingAssets holding decoder.onnx.")]
        [SerializeField] private string modelFolder = "VaeModels/sprites";
        [SerializeField] private long firstSeed = 1;
        [SerializeField, Range(1, 64)] private int count = 8;
        [Tooltip("Class label for conditional models; ignored otherwise.")]
        [SerializeField] private string label = "";
        [Tooltip("Auto uses ONNX Runtime where its native plugin loads and the managed backend elsewhere (WebGL).")]
        [SerializeField] private Backend backend = Backend.Auto;
        [SerializeField] private float pixelsPerUnit = 16f;
        [Tooltip("Snap every pixel to the model's training palette with hard alpha (crisp pixel art, as the command line writes); off = the decoder's own colours.")]
        [SerializeField] private bool snapToPalette = true;

        private VaeModel? model;
        private PaletteSnapper? snapper;
        private readonly List<Sprite> sprites = new List<Sprite>();

        /// <summary>The sprites of the last generation.</summary>
        public IReadOnlyList<Sprite> Sprites => sprites;

        private IEnumerator Start()
        {
            string folder = Path.Combine(Application.streamingAssetsPath, modelFolder);
            byte[]? decoder = null;
            byte[]? encoder = null;
            yield return ReadStreamingFile(Path.Combine(folder, "decoder.onnx"), bytes => decoder = bytes);
            yield return ReadStreamingFile(Path.Combine(folder, "encoder.onnx"), bytes => encoder = bytes);
            if (decoder == null)
            {
                Debug.LogError($"No decoder.onnx in {folder}.");
                yield break;
            }
            model = VaeModel.Load(decoder, encoder, new VaeModelOptions { Backend = backend });
            snapper = PaletteSnapper.ForModel(model.Contract);
            Debug.Log($"Loaded {modelFolder} on {model.Backend}.");
            Generate();
        }

        /// <summary>Replaces the shown sprites with those of seeds firstSeed .. firstSeed+count-1.</summary>
        public void Generate()
        {
            if (model == null) return;
            foreach (Transform child in transform) Destroy(child.gameObject);
            sprites.Clear();
            for (int i = 0; i < count; i++)
            {
                Sprite sprite = CreateSprite(GenerateTexture(firstSeed + i));
                sprites.Add(sprite);
                var child = new GameObject($"Seed {firstSeed + i}");
                child.transform.SetParent(transform, false);
                child.transform.localPosition = new Vector3(i * sprite.bounds.size.x * 1.25f, 0f, 0f);
                child.AddComponent<SpriteRenderer>().sprite = sprite;
            }
        }

        /// <summary>The sprite of one seed as a point-filtered RGBA32 texture.</summary>
        public Texture2D GenerateTexture(long seed)
        {
            if (model == null) throw new System.InvalidOperationException("The model is not loaded yet.");
            ModelContract contract = model.Contract;
            int labelIndex = contract.IsConditional ? model.LabelIndex(label) : VaeModel.NoLabel;
            byte[] topRowFirst = model.GenerateRgba(seed, labelIndex);
            if (snapToPalette) snapper?.Snap(topRowFirst);
            var texture = new Texture2D(contract.Width, contract.Height, TextureFormat.RGBA32, false) { filterMode = FilterMode.Point };
            texture.LoadRawTextureData(UnityTextureLayout.FlipRowsForTexture(topRowFirst, contract.Width, contract.Height));
            texture.Apply(false, true);
            return texture;
        }

        private Sprite CreateSprite(Texture2D texture) =>
            Sprite.Create(texture, new Rect(0, 0, texture.width, texture.height), new Vector2(0.5f, 0.5f), pixelsPerUnit);

        // StreamingAssets is a plain folder on desktop and iOS, but inside the APK on Android and a URL on WebGL.
        private static IEnumerator ReadStreamingFile(string path, System.Action<byte[]?> done)
        {
            if (!path.Contains("://"))
            {
                done(File.Exists(path) ? File.ReadAllBytes(path) : null);
                yield break;
            }
            using UnityWebRequest request = UnityWebRequest.Get(path);
            yield return request.SendWebRequest();
            done(request.result == UnityWebRequest.Result.Success ? request.downloadHandler.data : null);
        }

        private void OnDestroy() => model?.Dispose();
    }
}
