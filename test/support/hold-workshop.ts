import { WorkshopFile } from '../../electron/services/workshop-file.ts';

// A second Journeyboard process for the tests: opens the workshop named on the command
// line, says "holding", and keeps it open until its standard input closes.
const file = WorkshopFile.open(process.argv[2]!);
process.stdout.write('holding\n');
process.stdin.resume();
process.stdin.on('end', () => {
  file.close();
  process.exit(0);
});
