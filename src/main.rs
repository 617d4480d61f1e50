//! Entry point of the web app: starts it and nothing else.

fn main() {
    console_error_panic_hook::set_once();
    cca_explorer::start();
}
