fn main() {
    turnus_app::run()
}
