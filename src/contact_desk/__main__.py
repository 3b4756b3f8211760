from contact_desk.cli import main

raise SystemExit(main())
