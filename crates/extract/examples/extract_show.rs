//! Prints the extraction of one HTML file (metadata, paragraphs, comments).
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: show FILE.html")?;
    let html = String::from_utf8_lossy(&std::fs::read(path)?).into_owned();
    let e = crosscheck_extract::extract(&html)?;
    println!(
        "title={:?}\nauthor={:?}\npublished={:?}\nsite={:?}\nurl={:?}\nlang={:?}",
        e.title, e.author, e.published, e.site_name, e.url, e.language
    );
    println!(
        "paragraphs={} comments={}",
        e.paragraphs.len(),
        e.comments.len()
    );
    for &(s, t) in e.paragraphs.iter().take(4) {
        println!(
            "  P: {}",
            e.text[s..t].chars().take(120).collect::<String>()
        );
    }
    for c in e.comments.iter().take(8) {
        println!(
            "  C[{:?}]: {}",
            c.author,
            e.text[c.span.0..c.span.1]
                .chars()
                .take(120)
                .collect::<String>()
        );
    }
    Ok(())
}
