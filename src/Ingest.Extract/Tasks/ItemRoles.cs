namespace Ingest.Extract.Tasks;

/// <summary>What one item, heading or intro says about who is responsible.</summary>
/// <param name="Subject">Bodies the text opens with: its own subject ("- Viện Kiểm sát nhân dân tối
/// cao nghiên cứu ...") or the objects of an opening directive ("Giao Ban Tổ chức Huyện ủy ...").</param>
/// <param name="Added">Grammatical subjects further in ("..., thì cấp ủy cấp trên phải ...").</param>
/// <param name="Leads">Bodies named as presiding ("X chủ trì", "Cơ quan chủ trì: X").</param>
/// <param name="LeadsAreAssignees">A "chủ trì" with no body before it: whoever must do the item presides.</param>
/// <param name="Supports">Partners named after "phối hợp (với)".</param>
internal sealed record ItemRoles(
    IReadOnlyList<string> Subject,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Leads,
    bool LeadsAreAssignees,
    IReadOnlyList<string> Supports)
{
    /// <summary>Nothing said.</summary>
    public static ItemRoles Empty { get; } = new([], [], [], false, []);
}
