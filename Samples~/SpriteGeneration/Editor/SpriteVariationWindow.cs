#nullable enable
using System.Collections.Generic;
using System.IO;
using UnityEditor;
using UnityEngine;
using VaeProcgen.Authoring;
using VaeProcgen.Backends;
using VaeProcgen.Generation;

namespace VaeProcgen.Samples.Unity.Editor
{
    /// <summary>
    /// Window > VaeProcgen > Sprite Variations: encodes the selected sprite or texture (same size as the model,
    /// Read/Write enabled), moves its latent by seeded noise scaled by Strength (in prior standard deviations, as `vaeprocgen vary`), decodes,
    /// adds the sprite's own detail back where a variation kept it and snaps each variation to the sprite's own colours unless
    /// Smooth is ticked (both as `vary` does by default), and saves picks as PNG.
    /// </summary>
    public sealed class SpriteVariationWindow : EditorWindow
    {
        [SerializeField] private string modelFolder = "Assets/StreamingAssets/VaeModels/sprites";
        [SerializeField] private float strength = 0.5f;
        [SerializeField] private int count = 8;
        [SerializeField] private long seed = 1;
        [SerializeField] private bool smooth;
        [SerializeField] private bool sourceDetail = true;
        private readonly List<Texture2D> variations = new List<Texture2D>();
        private string status = "";

        [MenuItem("Window/VaeProcgen/Sprite Variations")]
        private static void Open() => GetWindow<SpriteVariationWindow>("Sprite Variations");

        private void OnGUI()
        {
            modelFolder = EditorGUILayout.TextField("Model folder", modelFolder);
            strength = EditorGUILayout.Slider("Strength", strength, 0f, 3f);
            count = EditorGUILayout.IntSlider("Count", count, 1, 32);
            seed = EditorGUILayout.LongField("Seed", seed);
            smooth = EditorGUILayout.Toggle("Smooth (decoder colours)", smooth);
            sourceDetail = EditorGUILayout.Toggle("Keep the sprite's detail", sourceDetail);
            Texture2D? source = SelectedTexture(out Rect area);
            EditorGUILayout.LabelField("Selected", source != null ? source.name : "select a Sprite or Texture2D");
            using (new EditorGUI.DisabledScope(source == null))
            {
                if (GUILayout.Button("Make variations") && source != null) MakeVariations(source, area);
            }
            if (status.Length > 0) EditorGUILayout.HelpBox(status, MessageType.Info);
            using (new EditorGUILayout.HorizontalScope())
            {
                foreach (Texture2D variation in variations)
                {
                    using (new EditorGUILayout.VerticalScope(GUILayout.Width(72)))
                    {
                        GUILayout.Box(variation, GUILayout.Width(64), GUILayout.Height(64));
                        if (GUILayout.Button("Save")) Save(variation);
                    }
                }
            }
        }

        private static Texture2D? SelectedTexture(out Rect area)
        {
            switch (Selection.activeObject)
            {
                case Sprite sprite:
                    area = sprite.textureRect;
                    return sprite.texture;
                case Texture2D texture:
                    area = new Rect(0, 0, texture.width, texture.height);
                    return texture;
                default:
                    area = default;
                    return null;
            }
        }

        private void MakeVariations(Texture2D source, Rect area)
        {
            using VaeModel model = VaeModel.Load(modelFolder, new VaeModelOptions { Backend = Backend.Auto });
            int width = model.Contract.Width, height = model.Contract.Height;
            if ((int)area.width != width || (int)area.height != height)
            {
                status = $"The selection is {(int)area.width}x{(int)area.height}; the model makes {width}x{height} sprites.";
                return;
            }
            // GetPixels32 is bottom row first; flipping rows gives the runtime's top-row-first layout.
            Color32[] pixels = source.GetPixels32();
            var bottomRowFirst = new byte[width * height * 4];
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    Color32 c = pixels[((int)area.y + y) * source.width + (int)area.x + x];
                    int o = (y * width + x) * 4;
                    bottomRowFirst[o] = c.r; bottomRowFirst[o + 1] = c.g; bottomRowFirst[o + 2] = c.b; bottomRowFirst[o + 3] = c.a;
                }
            }
            byte[] topRowFirst = UnityTextureLayout.FlipRowsForTexture(bottomRowFirst, width, height);
            variations.Clear();
            SourceColourSnapper? ownColours = smooth ? null : SourceColourSnapper.ForSprite(topRowFirst, width, height);
            foreach (byte[] rgba in SpriteVariations.Vary(model, topRowFirst, count, strength, seed, keepSourceDetail: sourceDetail))
            {
                ownColours?.Snap(rgba);
                var texture = new Texture2D(width, height, TextureFormat.RGBA32, false) { filterMode = FilterMode.Point, name = $"{source.name}_var{seed + variations.Count}" };
                texture.LoadRawTextureData(UnityTextureLayout.FlipRowsForTexture(rgba, width, height));
                texture.Apply();
                variations.Add(texture);
            }
            status = $"{count} variations on {model.Backend}.";
        }

        private static void Save(Texture2D texture)
        {
            string path = EditorUtility.SaveFilePanelInProject("Save variation", texture.name, "png", "Where to save the sprite");
            if (path.Length == 0) return;
            File.WriteAllBytes(path, texture.EncodeToPNG());
            AssetDatabase.ImportAsset(path);
        }
    }
}
