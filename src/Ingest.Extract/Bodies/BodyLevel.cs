namespace Ingest.Extract.Bodies;

/// <summary>The administrative level a body works at (cấp).</summary>
public enum BodyLevel
{
    /// <summary>Any level: the name is a class of bodies found at every level ("cấp ủy", "đảng đoàn").</summary>
    Any,

    /// <summary>Central (Trung ương).</summary>
    Central,

    /// <summary>Province or centrally run city (tỉnh, thành phố trực thuộc Trung ương).</summary>
    Province,

    /// <summary>District (huyện, quận, thị xã, thành phố thuộc tỉnh).</summary>
    District,

    /// <summary>Commune (xã, phường, thị trấn) and the grassroots (cơ sở).</summary>
    Commune,
}
