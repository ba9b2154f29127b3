import { expect, test } from './fixtures';
import { installMainProcess } from './mainProcess';
import { PIN } from './adminSteps';
import { keyboard, openAdminByTouch, tapKeys, tapSection, TOUCH_SIZES } from './staffTouch';

// Issue 20, by touch, at the two sizes front-desk staff use.
for (const size of TOUCH_SIZES) {
  test.describe(`by touch at ${size.name}`, () => {
    test.use({
      hasTouch: true,
      viewport: { width: size.width, height: size.height },
      actionTimeout: 5000,
    });

    test('the keyboard has the signs for phone numbers, a clear key, and a web-address layout', async ({
      appPage: page,
      baseURL,
    }) => {
      await installMainProcess(page, baseURL!, { pin: PIN });
      await page.goto('/');
      await openAdminByTouch(page);
      await tapSection(page, 'Clinic details');
      const phone = page.getByLabel('Phone number');
      await phone.tap();
      await tapKeys(page, ['(', '8', '0', '5', ')', 'Space']);
      await tapKeys(page, ['+', '1', '-', '#', '&', '=', '_', '?', '!']);
      await expect(phone).toHaveValue('(805) +1-#&=_?!');
      await tapKeys(page, ['Clear field']);
      await expect(phone).toHaveValue('');
      await expect(keyboard(page).getByRole('button', { name: '.com' })).toHaveCount(0);

      const web = page.getByLabel(/Web address/);
      await web.tap();
      await expect(keyboard(page)).toHaveAttribute('data-layout', 'url');
      await tapKeys(page, ['Clear field', 'https://', 'c', 'l', 'i', 'n', 'i', 'c', '.com', '/']);
      await tapKeys(page, ['a', 'b', 'o', 'u', 't']);
      await expect(web).toHaveValue('https://clinic.com/about');
    });
  });
}
