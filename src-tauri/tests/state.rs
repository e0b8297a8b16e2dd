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

#[test]
fn the_watch_thread_tells_when_another_program_replaced_the_open_plan() {
    use turnus::store::{OpenOptions, PlanFile};
    let root = std::env::temp_dir().join(format!("turnus-app-watch-{}", turnus::store::new_id()));
    let state = AppState::new(Folders::under(&root));
    state
        .run(|app, now, today| app.open_demo(now, today))
        .expect("the demo plan opens");
    let plan = root.join("data").join("Demoplan.turnus");
    let (tx, rx) = std::sync::mpsc::channel();
    state.start_disk_watch(move |change| {
        let _ = tx.send(change.by.clone());
    });
    // Another leader's version arrives as sync clients bring it: a new file renamed over it.
    let incoming = root.join("incoming.turnus");
    std::fs::copy(&plan, &incoming).unwrap();
    let options = OpenOptions {
        take_over: true,
        ..OpenOptions::new("Per", turnus_app::clock::now())
    };
    let mut other = PlanFile::open(&incoming, &options).unwrap();
    let mut settings = other.load_plan().unwrap().settings;
    settings.name = "Endret av Per".into();
    other
        .update_settings(turnus_app::clock::now(), &settings)
        .unwrap();
    other.close().unwrap();
    std::fs::rename(&incoming, &plan).unwrap();
    let by = rx
        .recv_timeout(std::time::Duration::from_secs(15))
        .expect("the change is noticed within seconds");
    assert_eq!(by, "Per");
    let view = state
        .run(|app, _, today| {
            app.session()?
                .view(&turnus::session::this_week(today), today)
        })
        .unwrap();
    assert_eq!(
        view.settings.name, "Endret av Per",
        "the plan was read again"
    );
    let _ = state.run(|app, _, _| app.close_plan());
    let _ = std::fs::remove_dir_all(&root);
}
