namespace IcpScoring.Storage;

/// <summary>Where a person's label came from.</summary>
internal enum LabelSource
{
    /// <summary>The <c>/label</c> page of <c>icp serve</c>.</summary>
    Page,

    /// <summary>A labeled file dropped in <c>&lt;inbox&gt;/labels/&lt;profile&gt;/</c>.</summary>
    File,

    /// <summary>A labeled file given to <c>icp train</c>.</summary>
    Train,

    /// <summary>A CRM contacts export given to <c>icp labels import</c>.</summary>
    Crm,
}
