use whosaid::quotes::scan;

#[test]
fn dump_seeds() {
    for f in std::fs::read_dir("corpus/seeds").unwrap() {
        let p = f.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        println!("=== {}", p.display());
        for (i, q) in scan(&text).iter().enumerate() {
            println!(
                "{i} d{} p{:?} n{} {:?} close={:?} [{}]",
                q.depth,
                q.parent,
                q.paragraphs,
                q.style,
                q.close.is_some(),
                &text[q.content.clone()]
            );
        }
    }
}
