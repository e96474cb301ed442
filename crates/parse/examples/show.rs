//! Prints the parse of a whitespace-tokenised sentence (hand-free: pass TAGS as word/UPOS/XPOS).
fn main() {
    let p = crosscheck_parse::Parser::builtin().unwrap();
    for arg in std::env::args().skip(1) {
        let items: Vec<Vec<&str>> = arg.split(' ').map(|t| t.split('/').collect()).collect();
        let w: Vec<&str> = items.iter().map(|t| t[0]).collect();
        let u: Vec<&str> = items.iter().map(|t| t[1]).collect();
        let x: Vec<&str> = items.iter().map(|t| t[2]).collect();
        let out = p.parse(&w, &u, &x);
        for i in 0..w.len() {
            let h = out.head(i).map(|h| w[h]).unwrap_or("ROOT");
            println!("{i} {} <-{}- {}", w[i], out.deprels[i], h);
        }
        println!();
    }
}
