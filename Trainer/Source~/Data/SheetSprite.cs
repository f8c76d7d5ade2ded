using VaeProcgen.Trainer.Imaging;

namespace VaeProcgen.Trainer.Data
{
    /// <summary>
    /// One sprite found by automatic sheet slicing: its bounding box on the sheet and its own pixels, cropped to that box
    /// (pixels of neighbouring sprites that reach into the box are transparent).
    /// </summary>
    public sealed record SheetSprite(SheetRect Box, RgbaImage Image);
}
