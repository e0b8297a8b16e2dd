//! The managed state hands commands to the core with the clock's time, without a window: the
//! same path every Tauri command takes.

use turnus::session::{ErrorCode, Window};
use turnus::store::Folders;
use turnus_app::state::AppState;

#[test]
fn commands_reach_the_core_through_the_state_and_need_an_open_plan() {
    let root = std::env::temp_dir().join(format!("turnus-app-state-{}", turnus::store::new_id()));
    let state = AppState::new(Folders::under(&root));
    let window = Window {
        from: "2026-06-08".into(),
        to: "2026-06-14".into(),
    };
    let e = state
        .run(|app, _, today| app.session()?.view(&window, today))
        .expect_err("no plan is open yet");
    assert_eq!(
        e.code,
        ErrorCode::NoPlan,
        "the UI shows the start page on no_plan"
    );

    let view = state
        .run(|app, now, today| app.open_demo(now, today))
        .expect("the demo plan opens in the data folder");
    assert_eq!(view.days.len(), 7, "a plan opens on the week holding today");
    let view = state
        .run(|app, _, today| app.session()?.view(&window, today))
        .expect("the open plan shows any window");
    assert_eq!(view.window, window);
    state
        .run(|app, _, _| app.close_plan())
        .expect("the plan closes");
    let _ = std::fs::remove_dir_all(&root);
}
