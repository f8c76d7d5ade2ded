#nullable enable
using System.Collections;
using System.IO;
using UnityEngine;
using UnityEngine.Networking;
using UnityEngine.Tilemaps;
using VaeProcgen.Backends;
using VaeProcgen.Contract;
using VaeProcgen.Generation.Tiles;

namespace VaeProcgen.Samples.Unity
{
    /// <summary>
    /// Decodes a level from a seed with a tile model and fills a Tilemap. Tile index i of the model's legend is
    /// drawn with tilesByIndex[i] (leave an entry empty for air). Row 0 of the level is the top of the map.
    /// </summary>
    public sealed class LevelTilemapBehaviour : MonoBehaviour
    {
        [SerializeField] private Tilemap? tilemap;
        [Tooltip("Folder under Assets/StreamingAssets holding decoder.onnx of a tile model.")]
        [SerializeField] private string modelFolder = "VaeModels/levels";
        [SerializeField] private long seed = 1;
        [Tooltip("TileBase per tile index of the model legend.")]
        [SerializeField] private TileBase?[] tilesByIndex = new TileBase?[0];
        [SerializeField] private Backend backend = Backend.Auto;

        private VaeModel? model;

        private IEnumerator Start()
        {
            string path = Path.Combine(Application.streamingAssetsPath, modelFolder, "decoder.onnx");
            byte[]? decoder = null;
            if (path.Contains("://"))
            {
                using UnityWebRequest request = UnityWebRequest.Get(path);
                yield return request.SendWebRequest();
                if (request.result == UnityWebRequest.Result.Success) decoder = request.downloadHandler.data;
            }
            else if (File.Exists(path))
            {
                decoder = File.ReadAllBytes(path);
            }
            if (decoder == null)
            {
                Debug.LogError($"Could not read {path}.");
                yield break;
            }
            model = VaeModel.Load(decoder, null, new VaeModelOptions { Backend = backend });
            Fill(seed);
        }

        /// <summary>Clears the tilemap and draws the level of <paramref name="levelSeed"/>.</summary>
        public void Fill(long levelSeed)
        {
            if (model == null || tilemap == null) return;
            ModelContract contract = model.Contract;
            if (contract.Kind != ModelKind.Tiles) throw new System.InvalidOperationException($"{modelFolder} is not a tile model.");
            if (contract.IsConditional) throw new System.NotSupportedException("This sample decodes unconditional tile models only.");
            int width = contract.Width, height = contract.Height;
            var probabilities = new float[model.ItemSize];
            model.Decode(model.SampleLatent(levelSeed), probabilities);
            var grid = new int[width * height];
            TilemapCellMapping.MostLikelyTiles(probabilities, contract.Channels, height, width, grid);

            var positions = new Vector3Int[grid.Length];
            var tiles = new TileBase?[grid.Length];
            for (int i = 0; i < grid.Length; i++)
            {
                var (x, y) = TilemapCellMapping.CellOf(i, width, height);
                positions[i] = new Vector3Int(x, y, 0);
                tiles[i] = grid[i] < tilesByIndex.Length ? tilesByIndex[grid[i]] : null;
            }
            tilemap.ClearAllTiles();
            tilemap.SetTiles(positions, tiles);
        }

        private void OnDestroy() => model?.Dispose();
    }
}
